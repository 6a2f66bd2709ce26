using BenchmarkDotNet.Running;
using NetDma.Benchmarks;
using NetDma.ConformanceKit.Concurrency;

// dotnet run -c Release --project benchmarks/NetDma.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/NetDma.Benchmarks -- --schedules-to-find [seeds] [budget] [random|pct]
// dotnet run -c Release --project benchmarks/NetDma.Benchmarks -- --allocation-profile [sequences]
// dotnet run -c Release --project benchmarks/NetDma.Benchmarks -- --analyzer-profile [lines] [rounds]
// dotnet run -c Release --project benchmarks/NetDma.Benchmarks -- --schedule-allocation-profile [batches of 100 schedules]
if (args is ["--analyzer-profile", ..])
{
    var lines = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    return AnalyzerProfile.Run(lines, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3);
}

if (args is ["--schedule-allocation-profile", ..])
{
    return AllocationProfile.RunSchedules(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
}

if (args is ["--allocation-profile", ..])
{
    return AllocationProfile.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
}

if (args is ["--schedules-to-find", ..])
{
    var seeds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 25;
    var budget = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5000;
    var strategy = args.Length > 3 ? Enum.Parse<ScheduleStrategy>(args[3], ignoreCase: true) : ScheduleStrategy.Random;
    return SchedulesToFind.Run(seeds, budget, strategy);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
