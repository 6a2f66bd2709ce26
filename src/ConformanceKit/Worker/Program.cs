// The worker process of netdma-kit: the provider under test lives here, so whatever it does to this process ends
// only this process. Started by the kit (WorkerScriptRunner), never by hand.
return await NetDma.ConformanceKit.Isolation.WorkerHost.RunAsync(args);
