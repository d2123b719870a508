using StretchLibrary.Bench;

// The measuring half of bench/run: seeding over HTTP, the write-path load, start-up timing and the
// content-scale test. bench/run does the building, nginx and wrk.
return args switch
{
    ["seed", var baseUrl] => await Seed.RunAsync(new Uri(baseUrl)),
    ["writes", var baseUrl, var database, var clients, var seconds] => await Writes.RunAsync(new Uri(baseUrl), database, int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
    ["startup", var dll, var content, var runs] => await Startup.RunAsync(dll, content, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture)),
    ["scale", var shipped, var articles] => Scale.Run(shipped, int.Parse(articles, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: seed BASE | writes BASE DB CLIENTS SECONDS | startup DLL CONTENT RUNS | scale CONTENT ARTICLES");
    return 2;
}
