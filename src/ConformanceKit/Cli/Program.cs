using System.CommandLine;
using NetDma.ConformanceKit.Catalog;
using NetDma.ConformanceKit.Concurrency;
using NetDma.ConformanceKit.Cli;
using NetDma.ConformanceKit.Reporting;
using NetDma.ConformanceKit.Running;

// One console for the whole process, built from the facts CI cares about: a redirected stream gets plain, unwrapped
// text; NO_COLOR turns colour off; GITHUB_ACTIONS=true adds workflow annotations for failed checks.
var environment = ConsoleEnvironment.FromProcess();
var console = ConsoleFactory.CreateForProcess(environment);

var providerOption = new Option<FileInfo?>("--provider")
{
    Description = "Provider assembly (.dll) holding a public INetDmaProviderDriver and/or IWdmDmaDriver class. Default: the bundled reference provider and WDM sample.",
};
var providerTypeOption = new Option<string?>("--provider-type")
{
    Description = "Full or short name of the driver class, when the assembly holds several of one kind.",
};
var scriptsOption = new Option<string>("--scripts")
{
    Description = "A script file (.ndma) or a folder of scripts. Default: the bundled conformance scripts.",
    DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "Scripts", "conformance"),
};
var reportOption = new Option<FileInfo?>("--report")
{
    Description = "Write a JUnit XML report to this path.",
};
var sarifOption = new Option<FileInfo?>("--sarif")
{
    Description = "Write a SARIF 2.1.0 report (one result per failed check, at its script line) to this path.",
};
var jsonOption = new Option<FileInfo?>("--json")
{
    Description = "Write a JSON report (every check and violation with its location; schema: docs/schemas/netdma-report.schema.json) to this path.",
};
var timeoutOption = IntegerOption.Create(
    "--timeout", "Seconds one script may run before its driver is declared hung (rule NDMA2003).",
    RunCommand.TimeoutRange, (int)ConformanceRun.DefaultWatchdog.TotalSeconds);
var inProcessOption = new Option<bool>("--in-process")
{
    Description = "Run the driver in this process instead of a worker process (for a debugger; a driver that kills its process ends the run).",
};

var faultsOption = FaultsOption.Create();
var scheduleOptions = new ScheduleOptionsBinding();

var run = new Command("run", "Run conformance scripts against a provider and print a report; exit code 0 only when every script passes.")
{
    providerOption, providerTypeOption, scriptsOption, reportOption, sarifOption, jsonOption, timeoutOption, inProcessOption, faultsOption,
};
scheduleOptions.AddTo(run);

run.SetAction(parse =>
{
    ScheduleOptions? schedules;
    try
    {
        schedules = scheduleOptions.Read(parse);
    }
    catch (FileNotFoundException missing)
    {
        console.WriteError(missing.Message);
        return ExitCodes.BadUsage;
    }

    return RunCommand.Execute(
    console,
    parse.GetValue(providerOption),
    parse.GetValue(providerTypeOption),
    parse.GetValue(scriptsOption)!,
    parse.GetValue(reportOption),
    parse.GetValue(sarifOption),
    TimeSpan.FromSeconds(parse.GetValue(timeoutOption)),
    parse.GetValue(inProcessOption),
    parse.GetValue(jsonOption),
    parse.GetValue(faultsOption),
    schedules);
});

var formatOption = new Option<string>("--format")
{
    Description = "Output format of the catalog.",
    DefaultValueFactory = _ => "json",
};
formatOption.AcceptOnlyFromAmong("json");
var contracts = new Command("contracts", "Print the contract catalog (every DDI with its IRQL, statuses, parameters and page) read from the Contracts assembly.")
{
    formatOption,
};
contracts.SetAction(_ =>
{
    var output = console.Out.Profile.Out.Writer;
    ContractCatalogJson.Write(output);
    output.WriteLine();
    return ExitCodes.Passed;
});

var rules = RulesCommand.Create(console);
var requirements = RequirementsCommand.Create(console);
var explain = ExplainCommand.Create(console);

var explore = ExploreCommand.Create(console);
var merge = MergeCommand.Create(console);

var root = new RootCommand("netdma-kit: holds a NetDMA provider or WDM DMA driver to its documented contracts.") { run, contracts, rules, requirements, explain, explore, merge };
ExitCodesHelpAction.AddTo(root);
return KitEntryPoint.Run(root, args, console, environment.ShowStackTraces);
