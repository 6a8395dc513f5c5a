using Enrolment.LoadTest.Cli;

return await LoadCommand.Create().Parse(args).InvokeAsync();
