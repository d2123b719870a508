using StretchLibrary.Bench;

// The measuring half of bench/run and bench/data-scale: seeding over HTTP, the write-path load, start-up timing,
// the content-scale test and the large-database generator. The scripts do the building, nginx, PostgreSQL and wrk.
return args switch
{
    ["seed", var baseUrl] => await Seed.RunAsync(new Uri(baseUrl)),
    ["seed", var baseUrl, var email, var completions] => await Seed.RunAsync(new Uri(baseUrl), email, int.Parse(completions, System.Globalization.CultureInfo.InvariantCulture)),
    ["signin", var baseUrl, var email] => await Seed.SignInAsync(new Uri(baseUrl), email),
    ["data-scale", var provider, var connection, var email, var mode] => await DataScale.RunAsync(provider, connection, email, mode, 10_000_000),
    ["data-scale", var provider, var connection, var email, var mode, var completions] => await DataScale.RunAsync(provider, connection, email, mode, long.Parse(completions, System.Globalization.CultureInfo.InvariantCulture)),
    ["writes", var baseUrl, var database, var clients, var seconds] => await Writes.RunAsync(new Uri(baseUrl), database, int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture), int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture)),
    ["startup", var content, var runs, .. var dlls] when dlls.Length > 0 => await Startup.RunAsync(content, int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture), dlls),
    ["scale", var shipped, var articles] => Scale.Run(shipped, int.Parse(articles, System.Globalization.CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: seed BASE [EMAIL COMPLETIONS] | signin BASE EMAIL | writes BASE SQLITE-FILE|NPGSQL-CONNECTION CLIENTS SECONDS | startup CONTENT RUNS DLL... | scale CONTENT ARTICLES");
    Console.Error.WriteLine("       data-scale sqlite|postgres CONNECTION EMAIL small|big [COMPLETIONS, default 10000000]");
    return 2;
}
