using System.Text;
using WasmBench.Abstractions;
using WasmBench.Runners.Conformance;

namespace WasmBench.Runners.Wast;

/// <summary>Turns a .wast script into commands. A malformed script gives an error with <c>file:line</c>, never an exception.</summary>
public static class WastParser
{
    private static readonly HashSet<string> UnsupportedKeywords = ["thread", "wait", "assert_suspension"];

    private static readonly HashSet<string> ModuleFields =
        ["type", "rec", "import", "func", "table", "memory", "global", "tag", "export", "start", "elem", "data"];

    /// <summary>The script in a file, or an error that says <c>file: why</c>.</summary>
    public static Result<WastScript> ParseFile(string path)
    {
        string source;
        try
        {
            source = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result<WastScript>.Failure($"{path}: cannot read the script: {e.Message}");
        }

        return Parse(source, path);
    }

    /// <summary>The script, or an error that says <c>file:line: message</c>.</summary>
    public static Result<WastScript> Parse(string source, string file)
    {
        try
        {
            var commands = new List<WastCommand>();
            var top = SExprReader.Read(source);
            if (top.Count > 0 && top.All(e => e.Head is { } h && ModuleFields.Contains(h)))
            {
                // An inline module: the whole script is the fields of one module.
                var module = new WastModule(top[0].Line, null, ModuleFormat.Text, "(module " + source + ")", null, false);
                return Result<WastScript>.Success(new WastScript(file, [new ModuleCommand(module)]));
            }

            foreach (var e in top)
            {
                commands.Add(ParseCommand(e, source));
            }

            return Result<WastScript>.Success(new WastScript(file, commands));
        }
        catch (WastSyntaxException e)
        {
            return Result<WastScript>.Failure($"{file}:{e.Line}: {e.Message}");
        }
    }

    private static WastCommand ParseCommand(SExpr e, string source)
    {
        var head = e.Head ?? throw new WastSyntaxException(e.Line, $"expected a command, found '{Short(e)}'");
        switch (head)
        {
            case "module" when e.Items.Count > 1 && e.Items[1].IsAtom && e.Items[1].Text == "instance":
                var instanceName = Id(e, 2);
                var moduleName = Id(e, instanceName is null ? 2 : 3);
                if (moduleName is null && instanceName is not null)
                {
                    (instanceName, moduleName) = (null, instanceName);
                }

                return new ModuleInstanceCommand(e.Line, instanceName, moduleName);
            case "module":
                return new ModuleCommand(ParseModule(e, source));
            case "register":
                var name = StringAt(e, 1) ?? throw new WastSyntaxException(e.Line, "register needs a name string");
                return new RegisterCommand(e.Line, name, Id(e, 2));
            case "invoke" or "get":
                return new ActionCommand(ParseAction(e));
            case "assert_return":
                var action = ParseAction(Arg(e, 1));
                return new AssertReturnCommand(action, [.. e.Items.Skip(2).Select(WastValueParser.ParseResult)]);
            case "assert_trap" when Arg(e, 1).Head == "module":
                return new AssertModuleCommand(e.Line, ParseModule(e.Items[1], source), OutcomeKind.Trap, StringAt(e, 2), head);
            case "assert_trap":
                return new AssertActionFailsCommand(ParseAction(Arg(e, 1)), OutcomeKind.Trap, StringAt(e, 2), head);
            case "assert_exhaustion":
                return new AssertActionFailsCommand(ParseAction(Arg(e, 1)), OutcomeKind.Exhaustion, StringAt(e, 2), head);
            case "assert_exception":
                return new AssertActionFailsCommand(ParseAction(Arg(e, 1)), OutcomeKind.Exception, null, head);
            case "assert_invalid":
                return ModuleAssertion(e, source, OutcomeKind.Invalid);
            case "assert_malformed":
                return ModuleAssertion(e, source, OutcomeKind.Malformed);
            case "assert_unlinkable":
                return ModuleAssertion(e, source, OutcomeKind.Unlinkable);
            case "assert_uninstantiable":
                return ModuleAssertion(e, source, OutcomeKind.Trap);
            case "assert_malformed_custom" or "assert_invalid_custom":
                return new TextFormatCommand(e.Line, head);
            default:
                if (UnsupportedKeywords.Contains(head))
                {
                    return new UnsupportedCommand(e.Line, head);
                }

                throw new WastSyntaxException(e.Line, $"unknown command '{head}'");
        }
    }

    private static AssertModuleCommand ModuleAssertion(SExpr e, string source, OutcomeKind expected)
    {
        var module = Arg(e, 1);
        if (module.Head != "module")
        {
            throw new WastSyntaxException(e.Line, $"{e.Head} needs a module, found '{Short(module)}'");
        }

        return new AssertModuleCommand(e.Line, ParseModule(module, source), expected, StringAt(e, 2), e.Head!);
    }

    private static WastModule ParseModule(SExpr e, string source)
    {
        var items = e.Items;
        var i = 1;
        var isDefinition = false;
        if (i < items.Count && items[i].IsAtom && items[i].Text == "definition")
        {
            isDefinition = true;
            i++;
        }

        string? name = null;
        if (i < items.Count && items[i].IsAtom && items[i].Text.StartsWith('$'))
        {
            name = items[i].Text;
            i++;
        }

        if (i < items.Count && items[i].IsAtom && items[i].Text is "binary" or "quote")
        {
            var isBinary = items[i].Text == "binary";
            var bytes = new List<byte>();
            for (var k = i + 1; k < items.Count; k++)
            {
                if (!items[k].IsString)
                {
                    throw new WastSyntaxException(items[k].Line, $"module {items[i].Text} expects strings, found '{Short(items[k])}'");
                }

                bytes.AddRange(items[k].Bytes!);
            }

            return isBinary
                ? new WastModule(e.Line, name, ModuleFormat.Binary, null, [.. bytes], isDefinition)
                : new WastModule(e.Line, name, ModuleFormat.Quote, QuotedModuleText(Encoding.UTF8.GetString([.. bytes])), null, isDefinition);
        }

        // The fields exactly as written (comments and all), re-wrapped without the name and "definition".
        var text = i < items.Count ? "(module " + source[items[i].Start..e.End] : "(module)";
        return new WastModule(e.Line, name, ModuleFormat.Text, text, null, isDefinition);
    }

    /// <summary>Quoted text is either a module's fields or a whole <c>(module ...)</c>, as in the reference interpreter.</summary>
    private static string QuotedModuleText(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        var isWhole = trimmed.StartsWith("(module", StringComparison.Ordinal)
            && (trimmed.Length == 7 || trimmed[7] is ' ' or '\t' or '\n' or '\r' or ')' or '$' or '(');
        return isWhole ? text : "(module " + text + ")";
    }

    private static WastAction ParseAction(SExpr e)
    {
        var head = e.Head;
        if (head is not ("invoke" or "get"))
        {
            throw new WastSyntaxException(e.Line, $"expected (invoke ...) or (get ...), found '{Short(e)}'");
        }

        var i = 1;
        var module = Id(e, 1);
        if (module is not null)
        {
            i++;
        }

        var export = StringAt(e, i) ?? throw new WastSyntaxException(e.Line, $"{head} needs an export name string");
        var args = e.Items.Skip(i + 1).Select(WastValueParser.ParseConst).ToArray();
        if (head == "get" && args.Length > 0)
        {
            throw new WastSyntaxException(e.Line, "get takes no arguments");
        }

        return new WastAction(e.Line, head == "invoke", module, export, args);
    }

    private static SExpr Arg(SExpr e, int index) =>
        index < e.Items.Count && e.Items[index].IsList
            ? e.Items[index]
            : throw new WastSyntaxException(e.Line, $"{e.Head} is missing its argument");

    private static string? Id(SExpr e, int index) =>
        index < e.Items.Count && e.Items[index].IsAtom && e.Items[index].Text.StartsWith('$') ? e.Items[index].Text : null;

    private static string? StringAt(SExpr e, int index) =>
        index < e.Items.Count && e.Items[index].IsString ? Encoding.UTF8.GetString(e.Items[index].Bytes!) : null;

    private static string Short(SExpr e)
    {
        var s = e.ToString();
        return s.Length > 60 ? s[..60] + "..." : s;
    }
}
