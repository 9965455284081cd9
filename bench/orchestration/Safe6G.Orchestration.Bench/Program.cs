using System.Globalization;
using BenchmarkDotNet.Running;
using Safe6G.Orchestration.Simulation;

// dotnet run -c Release --project bench/orchestration/Safe6G.Orchestration.Bench -- --filter '*'   (decision time)
// dotnet run -c Release --project bench/orchestration/Safe6G.Orchestration.Bench -- simulate       (200 services onto 50 IEs)
if (args.Length > 0 && args[0] == "simulate")
{
    foreach (var scale in new[] { 1.0, 0.5 })
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## 200 services onto 50 IEs, seed 9, CPU demand x{scale}"));
        Console.WriteLine("| strategy | services placed | rejected | components | IEs over CPU | IEs over RAM | mean CPU | CPU spread (sd) | max CPU | TFs split across domains |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in PlacementSimulation.RunAll(SimulatedContinuum.Generate(50, 200, 9, scale)))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Strategy} | {r.ServicesPlaced} | {r.ServicesRejected} | {r.ComponentsPlaced} | {r.IesOverCpu} | {r.IesOverRam} | {r.MeanCpu:0.###} | {r.CpuSpread:0.###} | {r.MaxCpu:0.###} | {r.TrustFunctionsSplit} |"));
        Console.WriteLine();
    }
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Safe6G.Orchestration.Bench.DecisionBenchmarks).Assembly).Run(args);
