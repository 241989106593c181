using WasmBench.Abstractions;

namespace WasmBench.Silo.Hosting;

/// <summary>What a `wasmbench serve` process does; the embedded default is all three.</summary>
[Flags]
public enum Roles
{
    None = 0,
    Coordinator = 1,
    Runner = 2,
    Dashboard = 4,
    All = Coordinator | Runner | Dashboard,
}

public static class RolesParser
{
    /// <summary>Parses "coordinator,runner,dashboard"; anything else is an error naming the roles.</summary>
    public static Result<Roles> Parse(string text)
    {
        var roles = Roles.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Roles>(part, ignoreCase: true, out var role) || role is Roles.None or Roles.All)
            {
                return Result<Roles>.Failure($"unknown role '{part}'; roles are coordinator, runner, dashboard");
            }

            roles |= role;
        }

        return roles == Roles.None
            ? Result<Roles>.Failure("no role given; roles are coordinator, runner, dashboard")
            : Result<Roles>.Success(roles);
    }
}
