using System.Globalization;

namespace Safe6G.Simulators.Common;

/// <summary>Command-line pieces every simulator's argument parser shares: the option loop, numbers and the fault switches.</summary>
public static class SimulatorArgText
{
    /// <summary>
    /// Walks <paramref name="args"/>, handing each option and a way to take its value to <paramref name="handle"/>
    /// (false = not an option it knows). Returns the first problem (unknown option, missing or bad value) or null.
    /// </summary>
    public static string? ParseOptions(IReadOnlyList<string> args, Func<string, Func<string>, bool> handle)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Next()
            {
                if (i + 1 >= args.Count) throw new FormatException($"{name} needs a value");
                return args[++i];
            }
            try
            {
                if (!handle(name, Next))
                    return $"unknown option '{name}'";
            }
            catch (FormatException e)
            {
                return e.Message;
            }
        }
        return null;
    }

    /// <summary>An integer option value, or a <see cref="FormatException"/> naming the option.</summary>
    public static int Int(string name, string text)
        => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"{name} '{text}' is not an integer");

    /// <summary>A number option value, or a <see cref="FormatException"/> naming the option.</summary>
    public static double Double(string name, string text)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"{name} '{text}' is not a number");

    /// <summary>Applies one of the common fault options (<c>--latency-ms</c> … <c>--flap-seconds</c>); false when <paramref name="name"/> is not one.</summary>
    public static bool TryApplyFault(string name, Func<string> next, ref FaultSettings faults)
    {
        switch (name)
        {
            case "--latency-ms": faults = faults with { LatencyMs = Int(name, next()) }; return true;
            case "--error-rate": faults = faults with { ErrorRate = Double(name, next()) }; return true;
            case "--error-status": faults = faults with { ErrorStatus = Int(name, next()) }; return true;
            case "--malformed-rate": faults = faults with { MalformedRate = Double(name, next()) }; return true;
            case "--down": faults = faults with { Down = true }; return true;
            case "--flap-seconds": faults = faults with { FlapSeconds = Int(name, next()) }; return true;
            default: return false;
        }
    }
}
