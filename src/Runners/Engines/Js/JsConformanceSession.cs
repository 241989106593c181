using System.Text.Json;
using WasmBench.Runners.Conformance;
using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Engines.Js;

/// <summary>
/// One spec script on a JS engine: one host child (sandboxed, JSON lines) for the whole script, holding
/// its modules, instances and registrations. The <c>spectest</c> module is our wasm module (exact float
/// globals), registered first. Every invoke and get goes through a generated wrapper (<see cref="JsWrapper"/>),
/// compiled once per signature. Each request must be answered within the action limit; a host that misses
/// it is killed (a Trap, "deadline exceeded"), and a host that is gone fails every later command with why.
/// </summary>
internal sealed class JsConformanceSession : IConformanceSession
{
    /// <summary>The host's whole life: a script is thousands of requests.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly JsHost? _host;
    private readonly ConformanceLimits _limits;
    private readonly ConformanceProfile _profile;
    private readonly Dictionary<string, int> _wrappers = new(StringComparer.Ordinal);
    private string? _gone;

    /// <param name="executable">The shell, or null when the engine is unavailable (<paramref name="unavailable"/> says why).</param>
    public JsConformanceSession(string? executable, string? unavailable, JsVariant variant, ConformanceLimits limits, ConformanceProfile profile)
    {
        _limits = limits;
        _profile = profile;
        if (executable is null || !ExecutableLookup.IsExecutable(executable))
        {
            _gone = executable is null ? unavailable ?? "the engine is not available" : $"the engine's binary {executable} is gone (it was there when the engine was probed)";
            return;
        }

        var (host, _, error) = JsHost.StartAsync(executable, variant, null, Lifetime, CancellationToken.None).GetAwaiter().GetResult();
        if (host is null)
        {
            _gone = $"the JS host did not start: {error}";
            return;
        }

        _host = host;

        // 3.0's spectest also exports a table64; an engine without memory64 gets 2.0's.
        var spectest = Compile(Wasmtime.SpectestModule.Bytes(profile));
        if (spectest.Module is null && profile == ConformanceProfile.Wasm3)
        {
            spectest = Compile(Wasmtime.SpectestModule.Bytes(ConformanceProfile.Wasm2));
        }

        var instance = spectest.Module is null ? null : Instantiate(spectest.Module).Instance;
        if (instance is null)
        {
            _gone ??= $"the spectest module did not instantiate: {spectest.Message}";
            return;
        }

        Register("spectest", instance);
    }

    /// <summary>Why the session cannot run commands (the host did not start, died or was killed), else null.</summary>
    public string? Problem => _gone;

    public CompileResult Compile(ReadOnlyMemory<byte> wasm)
    {
        var reply = Request(new { op = "compile", bytes = Convert.ToBase64String(wasm.Span) }, out var failed);
        if (failed is not null)
        {
            return new CompileResult(null, failed.Outcome, failed.Message);
        }

        return reply!.Ok
            ? new CompileResult(new JsModule(reply.Module!.Value, ExportSignatures.Read(wasm.Span)), OutcomeKind.Ok)
            : new CompileResult(null, JsErrorClass.OfCompile(reply, _profile), reply.Message);
    }

    public InstantiateResult Instantiate(IConformanceModule module)
    {
        var compiled = (JsModule)module;
        var reply = Request(new { op = "instantiate", module = compiled.Id }, out var failed);
        if (failed is not null)
        {
            return new InstantiateResult(null, failed.Outcome, failed.Message);
        }

        return reply!.Ok
            ? new InstantiateResult(new JsInstance(reply.Instance!.Value, compiled.Exports), OutcomeKind.Ok)
            : new InstantiateResult(null, JsErrorClass.OfInstantiate(reply), reply.Message);
    }

    public void Register(string name, IConformanceInstance instance) =>
        Request(new { op = "register", name, instance = ((JsInstance)instance).Id }, out _);

    public ActionResult Invoke(IConformanceInstance instance, string export, IReadOnlyList<WasmValue> args)
    {
        var target = (JsInstance)instance;
        if (Signature(target, export, ExportSignature.Function) is not { } signature)
        {
            return ActionResult.Failed(OutcomeKind.HostError, $"no exported function \"{export}\" (or its type could not be read)");
        }

        if (JsWrapper.For(signature).Unsupported is { } unsupported)
        {
            return ActionResult.Failed(OutcomeKind.Unsupported, unsupported);
        }

        if (signature.Params.Count != args.Count || signature.Params.Where((p, i) => !JsWrapper.Fits(p, args[i])).Any())
        {
            return args.Any(a => a.Kind == ValueKind.Ref && !a.IsNull && a.HostId < 0)
                ? ActionResult.Failed(OutcomeKind.Unsupported, "a non-null reference other than ref.extern N cannot be passed from the script here")
                : ActionResult.Failed(OutcomeKind.HostError, $"\"{export}\" takes ({string.Join(' ', signature.Params)}), the script passes {string.Join(' ', args)}");
        }

        var refs = args.Where((a, i) => JsWrapper.IsRef(signature.Params[i])).Select(a => a.IsNull ? null : new JsRef(a.HostId, null, null)).ToArray();
        return Call(target, export, signature, JsWrapper.Input(signature.Params, args), refs);
    }

    public ActionResult Get(IConformanceInstance instance, string export)
    {
        var target = (JsInstance)instance;
        return Signature(target, export, ExportSignature.Global) is { } signature
            ? Call(target, export, signature, [], [])
            : ActionResult.Failed(OutcomeKind.HostError, $"no exported global \"{export}\" (or its type could not be read)");
    }

    public void Dispose() => _host?.Dispose();

    private static ExportSignature? Signature(JsInstance instance, string export, char kind) =>
        instance.Exports?.GetValueOrDefault(export) is { } signature && signature.Kind == kind ? signature : null;

    private ActionResult Call(JsInstance target, string export, ExportSignature signature, byte[] input, JsRef?[] refs)
    {
        var (wat, unsupported) = JsWrapper.For(signature);
        if (wat is null)
        {
            return ActionResult.Failed(OutcomeKind.Unsupported, unsupported);
        }

        if (!_wrappers.TryGetValue(wat, out var wrapper))
        {
            var binary = WatConverter.Convert(wat);
            var compiled = binary.Succeeded ? Compile(binary.Value) : new CompileResult(null, OutcomeKind.HostError, binary.Error);
            if (compiled.Module is not JsModule module)
            {
                return ActionResult.Failed(OutcomeKind.HostError, $"the wrapper for \"{export}\" did not compile: {compiled.Message}");
            }

            _wrappers[wat] = wrapper = module.Id;
        }

        var numericResults = signature.Results.Count(r => !JsWrapper.IsRef(r));
        var request = new
        {
            op = "invoke",
            instance = target.Id,
            name = export,
            wrapper,
            input = Convert.ToBase64String(input),
            refs,
            refResults = signature.Results.Count - numericResults,
            outputBytes = signature.Results.Count * JsWrapper.SlotBytes,
        };
        var reply = Request(request, out var failed);
        if (failed is not null)
        {
            return failed;
        }

        if (!reply!.Ok)
        {
            // A wrapper that does not link: the export's type is not the plain function type the wrapper imports
            // (a subtype, or one of a recursion group, which 3.0 matches by identity): a limit of the harness.
            return ActionResult.Failed(reply.Kind == "Wrapper" ? OutcomeKind.Unsupported : JsErrorClass.OfAction(reply), reply.Message);
        }

        return new ActionResult(OutcomeKind.Ok, JsWrapper.Output(signature.Results, Convert.FromBase64String(reply.Output ?? ""), reply.Refs ?? []));
    }

    /// <summary>Sends one request and waits for its answer within the action limit; a host that cannot answer is a failed action.</summary>
    private JsSpecReply? Request(object request, out ActionResult? failed)
    {
        failed = null;
        if (_gone is not null || _host is null)
        {
            failed = ActionResult.Failed(OutcomeKind.HostError, _gone ?? "the JS host is not running");
            return null;
        }

        _host.SendAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        var line = _host.ReadAsync(_limits.Timeout, CancellationToken.None).GetAwaiter().GetResult();
        if (line.TimedOut)
        {
            _gone = $"the JS host was killed when a request exceeded the deadline of {_limits.Timeout.TotalSeconds:0.###} s";
            failed = ActionResult.Failed(OutcomeKind.Trap, $"deadline exceeded (the action ran longer than {_limits.Timeout.TotalSeconds:0.###} s; the host was killed)");
            return null;
        }

        if (line.Ended)
        {
            _gone = $"the JS host exited (code {_host.ExitCode}): {JsHost.Tail(_host.Stderr)}";
            failed = ActionResult.Failed(OutcomeKind.HostError, _gone);
            return null;
        }

        var reply = JsHost.Parse<JsSpecReply>(line.Line!);
        if (reply is null)
        {
            failed = ActionResult.Failed(OutcomeKind.HostError, $"the JS host printed an unexpected line: {JsHost.Tail(line.Line!)}");
        }

        return reply;
    }

    private sealed record JsModule(int Id, IReadOnlyDictionary<string, ExportSignature>? Exports) : IConformanceModule;

    private sealed record JsInstance(int Id, IReadOnlyDictionary<string, ExportSignature>? Exports) : IConformanceInstance;
}
