namespace WasmBench.Abstractions.Tests;

public sealed class ResultTests
{
    [Fact]
    public void A_success_has_its_value_and_no_error()
    {
        var result = Result<string>.Success("quick");

        Assert.True(result.Succeeded);
        Assert.Equal("quick", result.Value);
        Assert.Null(result.Error);
        Assert.Equal(5, result.Value.Length); // no '!': Succeeded told the compiler
    }

    [Fact]
    public void A_failure_has_its_reason_and_no_value()
    {
        var result = Result<string>.Failure("unknown suite 'nosuch'; available suites: quick");

        Assert.False(result.Succeeded);
        Assert.Null(result.Value);
        Assert.StartsWith("unknown suite", result.Error);
    }

    [Fact]
    public void Map_and_then_carry_a_failure_through_unchanged()
    {
        var failed = Result<int>.Failure("bad");

        Assert.Equal("bad", failed.Map(i => i + 1).Error);
        Assert.Equal("bad", failed.Then(i => Result<string>.Success($"{i}")).Error);
        Assert.Equal(3, Result<int>.Success(2).Map(i => i + 1).Value);
        Assert.Equal("too big", Result<int>.Success(2).Then(_ => Result<int>.Failure("too big")).Error);
    }

    [Fact]
    public void Neither_a_null_value_nor_a_null_reason_is_a_result()
    {
        Assert.Throws<ArgumentNullException>(() => Result<string>.Success(null!));
        Assert.Throws<ArgumentNullException>(() => Result<string>.Failure(null!));
    }
}
