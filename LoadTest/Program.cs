using Enrolment.LoadTest.Cli;

// Socket completions run the journey's continuation on the socket thread itself instead of handing it to a
// thread-pool worker: a thread wake-up less per request (docs/benchmarks.md, "The load generator's own cost").
// Read once, when the first socket is made, so it is set before anything else.
Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
return await LoadCommand.Create().Parse(args).InvokeAsync();

/// <summary>Kept internal: the web framework would make it public, clashing with the gateway's Program in tests.</summary>
internal partial class Program;
