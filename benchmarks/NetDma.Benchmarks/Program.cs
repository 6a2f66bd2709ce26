using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/NetDma.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
