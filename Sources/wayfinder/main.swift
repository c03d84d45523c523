import WayfinderApp

/// Inside an async function the command's asynchronous entry point is chosen over its synchronous one.
func runCommand() async { await Wayfinder.main(nil) }

// Before the first await, while this is still the main thread.
EventLoopExecutor.install()
await runCommand()
