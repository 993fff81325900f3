package houston.app.cli;

/** The shutdown hooks a long-running command registers to stop cleanly on SIGTERM. */
final class StopHooks {

    private StopHooks() {
    }

    /** Unregisters {@code hook}; a no-op once the JVM is shutting down (the hook is what stops the command). */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Already shutting down: the hook is running and waits for the command to finish.
        }
    }
}
