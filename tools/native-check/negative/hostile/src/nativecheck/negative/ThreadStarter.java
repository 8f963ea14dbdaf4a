package nativecheck.negative;

/**
 * Deliberately native-hostile: its static initializer starts a thread and keeps it in a static field. Initialized at
 * image build time (see native-image.properties), the started Thread ends up in the image heap, which native-image
 * must reject. Not product code: used only by tools/native-check/negative/run.sh.
 */
public final class ThreadStarter {

    static final Thread WORKER = start();

    private ThreadStarter() {
    }

    private static Thread start() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "native-check-hostile-worker");
        t.setDaemon(true);
        t.start();
        return t;
    }

    public static Thread worker() {
        return WORKER;
    }
}
