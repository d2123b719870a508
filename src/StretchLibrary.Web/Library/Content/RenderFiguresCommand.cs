using System.Net;
using System.Text;

namespace StretchLibrary.Web.Library.Content;

/// <summary>
/// <c>render-figures OUT [CONTENT]</c>: writes every frame of every stretch as <c>OUT/{slug}/{frame}.svg</c> and one
/// <c>OUT/index.html</c> contact sheet, so an author can look at all the figures at once.
/// </summary>
public static class RenderFiguresCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
        {
            error.WriteLine("usage: render-figures <out-folder> [content-folder]");
            return 1;
        }

        var outFolder = ValidateContentCommand.Locate(args[0]);
        var snapshot = ContentLoader.Load(ValidateContentCommand.Locate(args.Length > 1 ? args[1] : "content"));
        foreach (var problem in snapshot.Problems)
        {
            error.WriteLine(problem);
        }

        Directory.CreateDirectory(outFolder);
        var sheet = new StringBuilder("<!doctype html>\n<html lang=\"en\"><meta charset=\"utf-8\"><title>Figures</title>\n<link rel=\"stylesheet\" href=\"contact-sheet.css\">\n<body>\n");
        var count = 0;
        foreach (var stretch in snapshot.Stretches)
        {
            sheet.Append("<section><h2>").Append(WebUtility.HtmlEncode(stretch.Title)).Append(" <small>").Append(stretch.Slug).Append("</small></h2>\n");
            if (stretch.Illustration is null)
            {
                sheet.Append("<p>No illustration.</p></section>\n");
                continue;
            }

            Directory.CreateDirectory(Path.Join(outFolder, stretch.Slug));
            foreach (var frame in stretch.Illustration.Frames)
            {
                File.WriteAllText(Path.Join(outFolder, stretch.Slug, frame.Name + ".svg"), frame.Svg);
                sheet.Append("<figure>").Append(frame.Svg).Append("<figcaption><b>").Append(frame.Name).Append("</b> ")
                    .Append(WebUtility.HtmlEncode(frame.Alt)).Append(" <small>").Append(Encoding.UTF8.GetByteCount(frame.Svg)).Append(" bytes</small></figcaption></figure>\n");
                count++;
            }

            sheet.Append("</section>\n");
        }

        File.WriteAllText(Path.Join(outFolder, "contact-sheet.css"),
            "body{font-family:sans-serif;margin:12px}section{display:flex;flex-wrap:wrap;gap:8px;border-top:1px solid #999}"
            + "h2{width:100%;font-size:15px;margin:6px 0}figure{margin:0;width:300px}svg{width:300px;height:200px;border:1px solid #ddd}"
            + "figcaption{font-size:11px}\n");
        File.WriteAllText(Path.Join(outFolder, "index.html"), sheet.Append("</body></html>\n").ToString());
        output.WriteLine($"{count} figures of {snapshot.Stretches.Count(s => s.Illustration is not null)} stretches written to {outFolder}");
        return snapshot.Problems.Count == 0 ? 0 : 1;
    }
}
