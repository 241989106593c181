namespace WasmBench.Silo.Api;

/// <summary>The body of every 4xx answer: what was wrong, naming the valid choices.</summary>
public sealed record ApiError(string Error);
