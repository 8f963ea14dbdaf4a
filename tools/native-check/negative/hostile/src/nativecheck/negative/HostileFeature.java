package nativecheck.negative;

import org.graalvm.nativeimage.hosted.Feature;

/**
 * Makes {@link ThreadStarter#WORKER} reachable for the analysis without touching the app's code: the field is marked
 * as accessed, so its value (a started Thread) is scanned into the image heap. Used only by
 * tools/native-check/negative/run.sh.
 */
public final class HostileFeature implements Feature {

    @Override
    public String getDescription() {
        return "native-check negative test: puts a started Thread into the image heap";
    }

    @Override
    public void beforeAnalysis(BeforeAnalysisAccess access) {
        try {
            access.registerAsAccessed(ThreadStarter.class.getDeclaredField("WORKER"));
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
