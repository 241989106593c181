using WasmBench.Runners.Wast;

namespace WasmBench.Runners.Tests.Wast;

public sealed class TextModuleEscaperTests
{
    [Fact]
    public void Escapes_non_ascii_in_strings_and_blanks_it_in_comments_so_the_converter_accepts_bidi_names()
    {
        const string text = "(module ;; c\u202e\n (; \u202e \" ;) (func (export \"\u202e\u00e9\\\"\")))";

        var escaped = TextModuleEscaper.Escape(text);

        Assert.Equal("(module ;; c \n (;   \" ;) (func (export \"\\u{202e}\\u{e9}\\\"\")))", escaped);
        var bytes = WatConverter.Convert(escaped);
        Assert.True(bytes.Succeeded, bytes.Error);
        Assert.False(WatConverter.Convert(text).Succeeded);
    }

    [Fact]
    public void Ascii_text_is_returned_unchanged() =>
        Assert.Equal("(module (func))", TextModuleEscaper.Escape("(module (func))"));
}
