using WasmBench.Abstractions;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Engines.Wasmtime;

namespace WasmBench.Runners.Wast;

/// <summary>
/// The mutable state of one script run and the execution of each command kind. A module that is
/// missing leaves the commands that need it without an instance: when it was skipped (the engine
/// lacks a feature) they are skipped for the same reason; when it failed they are
/// <see cref="CommandStatus.NotRun"/>, so one failure is counted once, on the module's own command.
/// </summary>
internal sealed class WastRunState(IConformanceSession session, TextConverter converter = TextConverter.Wasmtime)
{
    private readonly Dictionary<string, IConformanceInstance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IConformanceModule> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Absence> _missingModules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Absence> _missingDefinitions = new(StringComparer.Ordinal);

    // Registered names whose instance is missing: a module importing from one is skipped (or not
    // run) too, for the same reason, rather than failing to link.
    private readonly Dictionary<string, Absence> _missingRegistrations = new(StringComparer.Ordinal);
    private IConformanceInstance? _current;
    private Absence? _currentMissing;
    private IConformanceModule? _lastDefinition;
    private Absence? _lastDefinitionMissing;

    /// <summary>Why a module has no instance: skipped (unsupported) or failed (the commands that need it are not run).</summary>
    private sealed record Absence(CommandStatus Status, string Reason)
    {
        public static Absence Unsupported(string? reason) => new(CommandStatus.Skipped, reason ?? "unsupported");

        public static Absence Failed(WastCommand command) => new(CommandStatus.NotRun, $"the module of line {command.Line} failed");

        public string Describe => Status == CommandStatus.Skipped ? $"which was skipped: {Reason}" : $"which is missing: {Reason}";
    }

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
        UnsupportedCommand u => Skip(u, Absence.Unsupported($"the '{u.Keyword}' command is not supported by the script runner")),
        _ => Fail(command, $"unknown command type {command.GetType().Name}"),
    };

    private CommandOutcome DefineModule(ModuleCommand command)
    {
        var m = command.Module;
        _current = null;
        _currentMissing = null;
        var binary = ToBinary(m);
        if (!binary.Succeeded)
        {
            Forget(m.IsDefinition, m.Name, Absence.Failed(command));
            return Fail(command, $"the text converter rejected the module: {binary.Error}", "module", "text conversion error");
        }

        var inherited = MissingImport(binary.Value);
        CompileResult? compiled = inherited is null ? session.Compile(binary.Value) : null;
        if (m.IsDefinition)
        {
            _lastDefinition = compiled?.Module;
            _lastDefinitionMissing = null;
            if (m.Name is not null)
            {
                _definitions.Remove(m.Name);
                _missingDefinitions.Remove(m.Name);
                if (compiled?.Module is { } module)
                {
                    _definitions[m.Name] = module;
                }
            }

            if (compiled?.Module is not null)
            {
                return Pass(command);
            }

            if (inherited is null && compiled!.Outcome != OutcomeKind.Unsupported)
            {
                Forget(definition: true, m.Name, Absence.Failed(command));
                return Fail(command, compiled.Message, "ok", compiled.Outcome.ToString());
            }

            _lastDefinitionMissing = inherited ?? Absence.Unsupported(compiled!.Message);
            if (m.Name is not null)
            {
                _missingDefinitions[m.Name] = _lastDefinitionMissing;
            }

            return Skip(command, _lastDefinitionMissing);
        }

        if (inherited is not null)
        {
            Forget(definition: false, m.Name, inherited);
            return Skip(command, inherited);
        }

        if (compiled!.Module is null)
        {
            return NotOk(command, compiled.Outcome, compiled.Message, m.Name);
        }

        return Instantiate(command, compiled.Module, m.Name);
    }

    private CommandOutcome InstantiateDefinition(ModuleInstanceCommand command)
    {
        _current = null;
        _currentMissing = null;
        var module = command.ModuleName is null ? _lastDefinition : _definitions.GetValueOrDefault(command.ModuleName);
        if (module is not null)
        {
            return Instantiate(command, module, command.InstanceName);
        }

        var skipped = command.ModuleName is null ? _lastDefinitionMissing : _missingDefinitions.GetValueOrDefault(command.ModuleName);
        if (skipped is null)
        {
            return Fail(command, $"no module definition named {command.ModuleName ?? "(unnamed)"}");
        }

        Forget(definition: false, command.InstanceName, skipped);
        return Skip(command, skipped);
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
            _missingModules.Remove(name);
        }

        return Pass(command);
    }

    private CommandOutcome NotOk(WastCommand command, OutcomeKind outcome, string? message, string? name)
    {
        if (outcome == OutcomeKind.Unsupported)
        {
            var why = Absence.Unsupported(message);
            Forget(definition: false, name, why);
            return Skip(command, why);
        }

        Forget(definition: false, name, Absence.Failed(command));
        return Fail(command, message, "ok", outcome.ToString());
    }

    /// <summary>Records that a module (instance or definition, the current one and <paramref name="name"/>) is missing, and why.</summary>
    private void Forget(bool definition, string? name, Absence absence)
    {
        if (definition)
        {
            _lastDefinition = null;
            _lastDefinitionMissing = absence;
            if (name is not null)
            {
                _definitions.Remove(name);
                _missingDefinitions[name] = absence;
            }
        }
        else
        {
            _current = null;
            _currentMissing = absence;
            if (name is not null)
            {
                _instances.Remove(name);
                _missingModules[name] = absence;
            }
        }
    }

    private CommandOutcome RegisterInstance(RegisterCommand command)
    {
        var (instance, skip) = Resolve(command.ModuleName);
        if (instance is null)
        {
            if (skip is null)
            {
                return Fail(command, $"no instance {command.ModuleName ?? "(current)"} to register");
            }

            _missingRegistrations[command.As] = skip;
            return Skip(command, skip);
        }

        session.Register(command.As, instance);
        _missingRegistrations.Remove(command.As);
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
        if (command.Expected is not (OutcomeKind.Invalid or OutcomeKind.Malformed) && MissingImport(bytes) is { } inherited)
        {
            return Skip(command, inherited);
        }

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
        OutcomeKind.Unsupported => Skip(command, Absence.Unsupported(message)),
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
        return result.Outcome == OutcomeKind.Unsupported ? (null, Skip(command, Absence.Unsupported(result.Message))) : (result, null);
    }

    private (IConformanceInstance? Instance, Absence? SkipReason) Resolve(string? name)
    {
        if (name is null)
        {
            return (_current, _current is null ? _currentMissing : null);
        }

        return _instances.TryGetValue(name, out var instance)
            ? (instance, null)
            : (null, _missingModules.GetValueOrDefault(name));
    }

    /// <summary>Why a module cannot be run when it imports from a registered name whose instance is missing; else null.</summary>
    private Absence? MissingImport(byte[] wasm)
    {
        if (_missingRegistrations.Count == 0)
        {
            return null;
        }

        try
        {
            return ModuleTypes.Read(wasm).Imports
                .Select(i => _missingRegistrations.TryGetValue(i.Module, out var why) ? why with { Reason = $"it imports from \"{i.Module}\", {why.Describe}" } : null)
                .FirstOrDefault(why => why is not null);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return null; // the engine judges bytes we cannot read
        }
    }

    private Result<byte[]> ToBinary(WastModule m) =>
        m.Format == ModuleFormat.Binary ? Result<byte[]>.Success(m.Binary!) : WatConverter.Convert(TextModuleEscaper.Escape(m.Text!), converter);

    private static CommandOutcome Pass(WastCommand c, string? expected = null, string? actualMessage = null) =>
        new(c.Line, c.Describe(), CommandStatus.Passed, expected, Message: actualMessage);

    private static CommandOutcome Skip(WastCommand c, Absence why) => new(c.Line, c.Describe(), why.Status, Message: why.Reason);

    private static CommandOutcome Fail(WastCommand c, string? message, string? expected = null, string? actual = null) =>
        new(c.Line, c.Describe(), CommandStatus.Failed, expected, actual, message);
}
