using Vigie.Cli;

return await VigieApp.RunAsync(args);
