using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Wast;

/// <summary>One top-level command of a .wast script. Every command knows its 1-based line.</summary>
public abstract record WastCommand(int Line)
{
    /// <summary>A short form of the command for reports, e.g. <c>assert_return (invoke "add")</c>.</summary>
    public abstract string Describe();
}

/// <summary>How a module is written in the script.</summary>
public enum ModuleFormat
{
    Text,
    Binary,
    /// <summary><c>(module quote "...")</c>: text assembled from strings.</summary>
    Quote,
}

/// <summary>
/// A module as written: text (<see cref="Text"/> holds a complete <c>(module ...)</c>),
/// binary (<see cref="Binary"/> holds the bytes) or quoted text.
/// </summary>
public sealed record WastModule(int Line, string? Name, ModuleFormat Format, string? Text, byte[]? Binary, bool IsDefinition)
{
    public override string ToString() => Format switch
    {
        ModuleFormat.Binary => $"(module{(IsDefinition ? " definition" : "")}{NameText} binary ...)",
        ModuleFormat.Quote => $"(module{NameText} quote ...)",
        _ => $"(module{(IsDefinition ? " definition" : "")}{NameText} ...)",
    };

    private string NameText => Name is null ? "" : " " + Name;
}

/// <summary><c>(invoke $M "name" args...)</c> or <c>(get $M "name")</c>.</summary>
public sealed record WastAction(int Line, bool IsInvoke, string? ModuleName, string Export, IReadOnlyList<WasmValue> Args)
{
    public override string ToString()
    {
        var module = ModuleName is null ? "" : ModuleName + " ";
        return IsInvoke
            ? $"(invoke {module}\"{Export}\"{(Args.Count == 0 ? "" : " " + string.Join(' ', Args))})"
            : $"(get {module}\"{Export}\")";
    }
}

public sealed record ModuleCommand(WastModule Module) : WastCommand(Module.Line)
{
    public override string Describe() => Module.ToString();
}

/// <summary><c>(module instance $I $M)</c>: instantiates a module definition.</summary>
public sealed record ModuleInstanceCommand(int Line, string? InstanceName, string? ModuleName) : WastCommand(Line)
{
    public override string Describe() => $"(module instance {InstanceName} {ModuleName})";
}

public sealed record RegisterCommand(int Line, string As, string? ModuleName) : WastCommand(Line)
{
    public override string Describe() => $"(register \"{As}\"{(ModuleName is null ? "" : " " + ModuleName)})";
}

public sealed record ActionCommand(WastAction Action) : WastCommand(Action.Line)
{
    public override string Describe() => Action.ToString();
}

public sealed record AssertReturnCommand(WastAction Action, IReadOnlyList<ResultPattern> Expected) : WastCommand(Action.Line)
{
    public override string Describe() => $"assert_return {Action}";
}

/// <summary>
/// An assertion that an action fails: <c>assert_trap</c>, <c>assert_exhaustion</c>,
/// <c>assert_exception</c> (<see cref="Expected"/> is Trap, Exhaustion or Exception).
/// </summary>
public sealed record AssertActionFailsCommand(WastAction Action, OutcomeKind Expected, string? Message, string Keyword) : WastCommand(Action.Line)
{
    public override string Describe() => $"{Keyword} {Action}";
}

/// <summary>
/// An assertion on a module: <c>assert_invalid</c>, <c>assert_malformed</c>,
/// <c>assert_unlinkable</c>, <c>assert_uninstantiable</c>, <c>assert_trap (module ...)</c>.
/// </summary>
public sealed record AssertModuleCommand(int Line, WastModule Module, OutcomeKind Expected, string? Message, string Keyword) : WastCommand(Line)
{
    public override string Describe() => $"{Keyword} {Module}";
}

/// <summary>A command this runner does not execute (e.g. <c>thread</c>, <c>wait</c> of the threads proposal).</summary>
public sealed record UnsupportedCommand(int Line, string Keyword) : WastCommand(Line)
{
    public override string Describe() => $"({Keyword} ...)";
}

/// <summary>
/// A text-format-only assertion that no engine can run (<c>assert_malformed_custom</c>,
/// <c>assert_invalid_custom</c>: custom annotations of the text format).
/// </summary>
public sealed record TextFormatCommand(int Line, string Keyword) : WastCommand(Line)
{
    public override string Describe() => $"{Keyword} (module ...)";
}
