using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Content;

/// <summary>Parses a nugget's <c>media</c> block and <c>links</c> list.</summary>
internal static class MediaParser
{
    public static NuggetMedia? ReadMedia(YamlMap nugget)
    {
        var media = nugget.OptionalMap("media", $"media of {nugget.Description}",
            "with indented `type:`, `url:`, `title:` and `text_alternative:` lines");
        if (media is null)
        {
            return null;
        }

        media.WarnUnknownKeys("type", "url", "title", "text_alternative");
        var type = media.RequiredText("type", "video");
        MediaKind? kind = type switch
        {
            null => null,
            "image" => MediaKind.Image,
            "video" => MediaKind.Video,
            "audio" => MediaKind.Audio,
            _ => null,
        };
        if (type is not null && kind is null)
        {
            media.Problems.Error(media.MarkOf(media.ValueOf("type")!),
                $"{media.Description}: type '{type}' is not known; use `image`, `video` or `audio`");
        }

        var url = ReadHttpsUrl(media, "url");
        var title = media.RequiredText("title", "\"Hand hygiene in two minutes\"");
        var alternative = media.OptionalText("text_alternative", "\"A transcript or description\"");
        if (alternative is null && !media.Has("text_alternative"))
        {
            if (kind is MediaKind.Video or MediaKind.Audio)
            {
                media.Problems.Error(media.Start,
                    $"{media.Description}: {type} needs `text_alternative:` with a transcript or description, for learners who cannot see or hear it");
            }
            else if (kind is MediaKind.Image)
            {
                media.Problems.Warning(media.Start,
                    $"{media.Description}: the image has no `text_alternative:`; add alt text that says what the image shows, for screen reader users");
            }
        }

        return kind is { } known && url is not null && title is not null
            ? new NuggetMedia(known, url, title, alternative)
            : null;
    }

    public static IReadOnlyList<NuggetLink> ReadLinks(YamlMap nugget)
    {
        var links = new List<NuggetLink>();
        var list = nugget.OptionalList("links", "with one `- title: \"...\"` and `url: https://...` pair per link");
        if (list is null)
        {
            return links;
        }

        foreach (var item in list.Children)
        {
            if (item is not YamlDotNet.RepresentationModel.YamlMappingNode mapping)
            {
                nugget.Problems.Error(nugget.MarkOf(item),
                    $"{nugget.Description}: each link must be written `- title: \"...\"` with `url: https://...` on the next line");
                continue;
            }

            var link = nugget.Child(mapping, $"a link in {nugget.Description}");
            link.WarnUnknownKeys("title", "url");
            var title = link.RequiredText("title", "\"Read more on the intranet\"");
            var url = ReadHttpsUrl(link, "url");
            if (title is not null && url is not null)
            {
                links.Add(new NuggetLink(title, url));
            }
        }

        return links;
    }

    private static Uri? ReadHttpsUrl(YamlMap map, string key)
    {
        var text = map.RequiredText(key, "https://example.org/page");
        if (text is null)
        {
            return null;
        }

        if (!ContentRules.IsAbsoluteHttps(text, out var uri))
        {
            map.Problems.Error(map.MarkOf(map.ValueOf(key)!),
                $"{map.Description}: '{text}' is not an absolute https link; write the full address starting with https://");
            return null;
        }

        return uri;
    }
}
