import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.kubernetes.client.openapi.JSON;

/**
 * Strict schema check of rendered manifests (the output of {@code kubectl kustomize}) against the API models of the
 * official Kubernetes Java client, {@code io.kubernetes:client-java-api}, which are generated from the OpenAPI document
 * of one Kubernetes release. A document passes when its apiVersion is served by that release and has its kind, and
 * the model accepts it: no field the schema lacks (at any depth), every required field, values of the schema's types,
 * quantities that parse.
 *
 * <pre>
 *   java -cp CLIENT_JAVA_API_AND_SNAKEYAML_JARS ValidateManifests.java [--skip APIVERSION/KIND]... FILE...
 * </pre>
 *
 * Prints a line for each invalid or skipped document and a summary; exits 1 if any document is invalid, 2 on misuse.
 */
public class ValidateManifests {

    public static void main(String[] args) throws Exception {
        Set<String> skip = new HashSet<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--skip") && i + 1 < args.length) {
                skip.add(args[++i]);
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ValidateManifests [--skip APIVERSION/KIND]... FILE...");
            System.exit(2);
        }
        new JSON(); // registers the client's type adapters (quantities, int-or-string, dates)
        Gson gson = JSON.getGson();
        int valid = 0;
        int invalid = 0;
        int skipped = 0;
        for (Path file : files) {
            int index = 0;
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
                index++;
                if (doc == null) {
                    continue;
                }
                JsonElement json = gson.toJsonTree(doc);
                String id = json.isJsonObject() ? text(json, "apiVersion") + "/" + text(json, "kind") : "?";
                String where = file + " document " + index + " (" + id + " " + name(json) + ")";
                if (skip.contains(id)) {
                    System.out.println("SKIPPED " + where + ": no schema for " + id);
                    skipped++;
                    continue;
                }
                String problem = problem(json, gson);
                if (problem == null) {
                    valid++;
                } else {
                    System.out.println("INVALID " + where + ": " + problem);
                    invalid++;
                }
            }
        }
        System.out.println("schema check: " + valid + " valid, " + invalid + " invalid, " + skipped + " skipped");
        System.exit(invalid == 0 && valid > 0 ? 0 : 1);
    }

    /** Why the document is not a valid object of its kind, or null if it is. */
    static String problem(JsonElement json, Gson gson) {
        if (!json.isJsonObject()) {
            return "not a YAML mapping";
        }
        Class<?> model = modelClass(text(json, "apiVersion"), text(json, "kind"));
        if (model == null) {
            return "no such kind in this Kubernetes release (apiVersion " + text(json, "apiVersion") + ", kind "
                    + text(json, "kind") + ")";
        }
        Object parsed;
        try {
            parsed = gson.fromJson(json, model);
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage().replaceAll(" JSON: .*", "");
        }
        // Gson reads "80" as the number 80 and "yes" as false; the API server refuses both. A string in the input
        // where the model has a number or a boolean is a type error.
        return typeChange("", json, gson.toJsonTree(parsed));
    }

    /**
     * The model class for an apiVersion and kind: the body type of the create operation for that kind in the generated
     * API class of that group and version (e.g. {@code AppsV1Api.createNamespacedDeployment(String, V1Deployment)}).
     */
    static Class<?> modelClass(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "core" : apiVersion.substring(0, slash).replaceFirst("\\.k8s\\.io$", "");
        StringBuilder api = new StringBuilder("io.kubernetes.client.openapi.apis.");
        for (String part : (group + "." + apiVersion.substring(slash + 1)).split("\\.")) {
            api.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        try {
            for (Method m : Class.forName(api.append("Api").toString()).getMethods()) {
                if (m.getName().equals("createNamespaced" + kind) || m.getName().equals("create" + kind)) {
                    Class<?>[] params = m.getParameterTypes();
                    return params[params.length - 1];
                }
            }
        } catch (ClassNotFoundException | StringIndexOutOfBoundsException e) {
            return null;
        }
        return null;
    }

    private static String typeChange(String path, JsonElement in, JsonElement out) {
        if (in == null || out == null) {
            return null;
        }
        if (in.isJsonObject() && out.isJsonObject()) {
            for (Map.Entry<String, JsonElement> e : in.getAsJsonObject().entrySet()) {
                String p = typeChange(path + "/" + e.getKey(), e.getValue(), out.getAsJsonObject().get(e.getKey()));
                if (p != null) {
                    return p;
                }
            }
        } else if (in.isJsonArray() && out.isJsonArray()) {
            for (int i = 0; i < Math.min(in.getAsJsonArray().size(), out.getAsJsonArray().size()); i++) {
                String p = typeChange(path + "/" + i, in.getAsJsonArray().get(i), out.getAsJsonArray().get(i));
                if (p != null) {
                    return p;
                }
            }
        } else if (in.isJsonPrimitive() && in.getAsJsonPrimitive().isString() && out.isJsonPrimitive()
                && !out.getAsJsonPrimitive().isString()) {
            JsonPrimitive o = out.getAsJsonPrimitive();
            return path + ": expected " + (o.isBoolean() ? "a boolean" : "a number") + ", got the string \""
                    + in.getAsString() + "\"";
        }
        return null;
    }

    private static String text(JsonElement json, String field) {
        JsonElement v = json.getAsJsonObject().get(field);
        return v != null && v.isJsonPrimitive() ? v.getAsString() : "";
    }

    private static String name(JsonElement json) {
        if (!json.isJsonObject()) {
            return "";
        }
        JsonElement metadata = json.getAsJsonObject().get("metadata");
        return metadata instanceof JsonObject m && m.get("name") != null ? m.get("name").getAsString() : "";
    }
}
