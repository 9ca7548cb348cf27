package com.autochec.ocr.image;

/** Loads OpenCV's native library (bundled in the openpnp jar) once per JVM. */
public final class OpenCvLoader {

    private static volatile boolean loaded;

    private OpenCvLoader() {}

    public static void ensureLoaded() {
        if (!loaded) {
            synchronized (OpenCvLoader.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
