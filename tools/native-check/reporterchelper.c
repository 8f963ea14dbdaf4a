/*
 * libreporterchelper: the two JNI functions the GraalVM builder's progress reporter loads from
 * $java.home/lib/svm/builder/lib (com.oracle.svm.hosted.ProgressReporterCHelper, see `javap -p` on the svm jar):
 *   private static native int  getTerminalWindowColumns0();
 *   private static native long getPeakRSS0();
 * A stock JDK has no such library; native-check.sh compiles this file into its JDK-home copy.
 */
#include <jni.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/resource.h>

JNIEXPORT jint JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getTerminalWindowColumns0(JNIEnv *env, jclass cls) {
    struct winsize w;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &w) == 0) {
        return (jint) w.ws_col;
    }
    return 0; /* not a terminal: the reporter falls back to its default width */
}

JNIEXPORT jlong JNICALL Java_com_oracle_svm_hosted_ProgressReporterCHelper_getPeakRSS0(JNIEnv *env, jclass cls) {
    struct rusage u;
    if (getrusage(RUSAGE_SELF, &u) == 0) {
        return (jlong) u.ru_maxrss * 1024L; /* Linux reports kilobytes */
    }
    return -1;
}
