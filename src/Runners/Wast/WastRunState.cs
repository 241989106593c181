using WasmBench.Abstractions;
using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Wast;

/// <summary>The mutable state of one script run and the execution of each command kind.</summary>
internal sealed class WastRunState(IConformanceSession session, TextConverter converter = TextConverter.Wasmtime)
{
    private readonly Dictionary<string, IConformanceInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IConformanceModule> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _skippedModules = new(StringComparer.Ordinal);
    private IConformanceInstance? _current;
    private string? _currentSkipReason;
    private IConformanceModule? _lastDefinition;

    public CommandOutcome Execute(WastCommand command) => command switch
    {
        ModuleCommand m => DefineModule(m),
        ModuleInstanceCommand m => InstantiateDefinition(m),
        RegisterCommand r => RegisterInstance(r),
        ActionCommand a => RunAction(a, a.Action),
        AssertReturnCommand a => AssertReturn(a),
        AssertActionFailsCommand a => AssertFails(a),
        AssertModuleCommand a => AssertModule(a),
        TextFormatCommand t => new CommandOutcome(t.Line, t.Describe(), CommandStatus.TextFormat),
        UnsupportedCommand u => Skip(u, $"the '{u.Keyword}' command is not supported by the script runner"),
        _ => Fail(command, $"unknown command type {command.GetType().Name}"),
    };

    private CommandOutcome DefineModule(ModuleCommand command)
    {
        var m = command.Module;
        _current = null;
        _currentSkipReason = null;
        var binary = ToBinary(m);
        if (!binary.Succeeded)
        {
            return Fail(command, $"the text converter rejected the module: {binary.Error}", "module", "text conversion error");
        }

        var compiled = session.Compile(binary.Value);
        if (compiled.Module is null)
        {
            return NotOk(command, compiled.Outcome, compiled.Message, m.Name);
        }

        if (m.IsDefinition)
        {
            _lastDefinition = compiled.Module;
            if (m.Name is not null)
            {
                _definitions[m.Name] = compiled.Module;
            }

            return Pass(command);
        }

        return Instantiate(command, compiled.Module, m.Name);
    }

    private CommandOutcome InstantiateDefinition(ModuleInstanceCommand command)
    {
        _current = null;
        _currentSkipReason = null;
        var module = command.ModuleName is null ? _lastDefinition : _definitions.GetValueOrDefault(command.ModuleName);
        return module is null
            ? Fail(command, $"no module definition named {command.ModuleName ?? "(unnamed)"}")
            : Instantiate(command, module, command.InstanceName);
    }

    private CommandOutcome Instantiate(WastCommand command, IConformanceModule module, string? name)
    {
        var result = session.Instantiate(module);
        if (result.Instance is null)
        {
            return NotOk(command, result.Outcome, result.Message, name);
        }

        _current = result.Instance;
        if (name is not null)
        {
            _instances[name] = result.Instance;
            _skippedModules.Remove(name);
        }

        return Pass(command);
    }

    private CommandOutcome NotOk(WastCommand command, OutcomeKind outcome, string? message, string? name)
    {
        if (outcome == OutcomeKind.Unsupported)
        {
            _currentSkipReason = message ?? "unsupported";
            if (name is not null)
            {
                _skippedModules[name] = _currentSkipReason;
            }

            return Skip(command, _currentSkipReason);
        }

        return Fail(command, message, "ok", outcome.ToString());
    }

    private CommandOutcome RegisterInstance(RegisterCommand command)
    {
        var (instance, skip) = Resolve(command.ModuleName);
        if (instance is null)
        {
            return skip is not null ? Skip(command, skip) : Fail(command, $"no instance {command.ModuleName ?? "(current)"} to register");
        }

        session.Register(command.As, instance);
        return Pass(command);
    }

    private CommandOutcome RunAction(WastCommand command, WastAction action)
    {
        var (result, outcome) = Perform(command, action);
        if (outcome is not null)
        {
            return outcome;
        }

        return result!.Outcome == OutcomeKind.Ok ? Pass(command) : Fail(command, result.Message, "ok", result.Outcome.ToString());
    }

    private CommandOutcome AssertReturn(AssertReturnCommand command)
    {
        var (result, outcome) = Perform(command, command.Action);
        if (outcome is not null)
        {
            return outcome;
        }

        var expected = string.Join(' ', command.Expected);
        if (result!.Outcome != OutcomeKind.Ok)
        {
            return Fail(command, result.Message, expected, result.Outcome.ToString());
        }

        return ResultMatcher.Matches(command.Expected, result.Values)
            ? Pass(command)
            : Fail(command, "result mismatch", expected, string.Join(' ', result.Values));
    }

    private CommandOutcome AssertFails(AssertActionFailsCommand command)
    {
        var (result, outcome) = Perform(command, command.Action);
        if (outcome is not null)
        {
            return outcome;
        }

        var expected = $"{command.Expected}: {command.Message}";
        return result!.Outcome == command.Expected
            ? Pass(command, expected, result.Message)
            : Fail(command, result.Message, expected, result.Outcome == OutcomeKind.Ok ? $"Ok: {string.Join(' ', result.Values)}" : result.Outcome.ToString());
    }

    private CommandOutcome AssertModule(AssertModuleCommand command)
    {
        var m = command.Module;
        var expected = $"{command.Expected}: {command.Message}";
        if (m.Format == ModuleFormat.Quote && command.Expected == OutcomeKind.Malformed)
        {
            return new CommandOutcome(command.Line, command.Describe(), CommandStatus.TextFormat, expected);
        }

        var binary = ToBinary(m);
        if (!binary.Succeeded)
        {
            return command.Expected is OutcomeKind.Invalid or OutcomeKind.Malformed
                ? new CommandOutcome(command.Line, command.Describe(), CommandStatus.TextFormat, expected, "text converter: " + binary.Error)
                : Fail(command, $"the text converter rejected the module: {binary.Error}", expected, "text conversion error");
        }

        var bytes = binary.Value;

        var compiled = session.Compile(bytes);
        if (command.Expected is OutcomeKind.Invalid or OutcomeKind.Malformed || compiled.Module is null)
        {
            return Grade(command, expected, compiled.Outcome, compiled.Message);
        }

        var instantiated = session.Instantiate(compiled.Module);
        return Grade(command, expected, instantiated.Outcome, instantiated.Message);
    }

    private CommandOutcome Grade(AssertModuleCommand command, string expected, OutcomeKind actual, string? message) => actual switch
    {
        _ when actual == command.Expected => Pass(command, expected, message),
        OutcomeKind.Rejected when command.Expected is OutcomeKind.Malformed or OutcomeKind.Invalid => Pass(command, expected, message),
        OutcomeKind.Unsupported => Skip(command, message ?? "unsupported"),
        _ => Fail(command, message, expected, actual.ToString()),
    };

    private (ActionResult? Result, CommandOutcome? Outcome) Perform(WastCommand command, WastAction action)
    {
        var (instance, skip) = Resolve(action.ModuleName);
        if (instance is null)
        {
            return (null, skip is not null
                ? Skip(command, skip)
                : Fail(command, $"no module instance {action.ModuleName ?? "(current)"} to run the action on"));
        }

        var result = action.IsInvoke ? session.Invoke(instance, action.Export, action.Args) : session.Get(instance, action.Export);
        return result.Outcome == OutcomeKind.Unsupported ? (null, Skip(command, result.Message ?? "unsupported")) : (result, null);
    }

    private (IConformanceInstance? Instance, string? SkipReason) Resolve(string? name)
    {
        if (name is null)
        {
            return (_current, _current is null ? _currentSkipReason : null);
        }

        return _instances.TryGetValue(name, out var instance)
            ? (instance, null)
            : (null, _skippedModules.GetValueOrDefault(name));
    }

    private Result<byte[]> ToBinary(WastModule m) =>
        m.Format == ModuleFormat.Binary ? Result<byte[]>.Success(m.Binary!) : WatConverter.Convert(TextModuleEscaper.Escape(m.Text!), converter);

    private static CommandOutcome Pass(WastCommand c, string? expected = null, string? actualMessage = null) =>
        new(c.Line, c.Describe(), CommandStatus.Passed, expected, Message: actualMessage);

    private static CommandOutcome Skip(WastCommand c, string reason) => new(c.Line, c.Describe(), CommandStatus.Skipped, Message: reason);

    private static CommandOutcome Fail(WastCommand c, string? message, string? expected = null, string? actual = null) =>
        new(c.Line, c.Describe(), CommandStatus.Failed, expected, actual, message);
}
