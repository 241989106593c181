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
    /// <summary>Parses "coordinator,runner,dashboard"; null with an error for anything else.</summary>
    public static Roles? Parse(string text, out string? error)
    {
        error = null;
        var roles = Roles.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<Roles>(part, ignoreCase: true, out var role) || role is Roles.None or Roles.All)
            {
                error = $"unknown role '{part}'; roles are coordinator, runner, dashboard";
                return null;
            }

            roles |= role;
        }

        if (roles == Roles.None)
        {
            error = "no role given; roles are coordinator, runner, dashboard";
            return null;
        }

        return roles;
    }
}
