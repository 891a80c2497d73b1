using System.Text;
using MicroLearnBot.Learning.Courses;

namespace MicroLearnBot.Content;

/// <summary>
/// Reads course folders into the course model and validates them. Bad content never throws: every
/// unreadable, malformed or inconsistent file becomes a <see cref="ContentProblem"/>, and a course with
/// any error comes back without a model. A folder deleted while it is being listed raises <see cref="IOException"/>.
/// </summary>
public sealed class CourseLoader(ILessonCardPreviewRenderer? cardRenderer = null)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ILessonCardPreviewRenderer _cardRenderer = cardRenderer ?? LessonCardPreviewRenderer.ForSizeCheck();

    /// <summary>
    /// Loads every course under <paramref name="path"/>: the content root (holding <c>courses/</c>),
    /// the courses folder, or one course folder.
    /// </summary>
    public async Task<ContentLoadResult> LoadAllAsync(string path, CancellationToken cancellationToken = default)
    {
        var coursesPath = ContentFolder.ResolveCoursesPath(path);
        var folderProblems = new List<ContentProblem>();
        if (!Directory.Exists(coursesPath))
        {
            folderProblems.Add(new ContentProblem(coursesPath, 1, 1, ContentProblemSeverity.Error,
                "content folder not found; pass the folder that holds courses/, the courses folder or one course folder"));
            return new ContentLoadResult(coursesPath, [], folderProblems);
        }

        var results = new List<CourseLoadResult>();
        foreach (var folder in ContentFolder.FindCourseFolders(coursesPath))
        {
            results.Add(await LoadCourseAsync(folder, cancellationToken).ConfigureAwait(false));
        }

        if (results.Count == 0)
        {
            folderProblems.Add(new ContentProblem(coursesPath, 1, 1, ContentProblemSeverity.Warning,
                "no course folders found; each course is a folder holding course.yaml and its nugget files"));
        }

        return new ContentLoadResult(coursesPath, results, folderProblems);
    }

    /// <summary>Loads one course folder; the folder name is the course id.</summary>
    /// <remarks>
    /// An unexpected failure inside a parser becomes an error of the course, so one odd file leaves only its course
    /// out instead of stopping the validator or the bot. A file or folder that disappears while it is read still
    /// throws, because the change that removed it causes another load.
    /// </remarks>
    public async Task<CourseLoadResult> LoadCourseAsync(string courseFolder, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(courseFolder);
        var folder = Path.GetFullPath(courseFolder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        try
        {
            return await LoadCourseCoreAsync(folder, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or IOException or UnauthorizedAccessException))
        {
            var problem = new ContentProblem(Path.Combine(folder, ContentRules.CourseFileName), 1, 1, ContentProblemSeverity.Error,
                $"the course could not be loaded because of an unexpected {exception.GetType().Name} ({exception.Message}); check the files changed last, and report this message if they look right");
            return new CourseLoadResult(Path.GetFileName(folder), folder, null, [problem]);
        }
    }

    /// <param name="folder">The course folder as a full path without a trailing separator.</param>
    private async Task<CourseLoadResult> LoadCourseCoreAsync(string folder, CancellationToken cancellationToken)
    {
        var courseId = Path.GetFileName(folder);
        var courseFile = Path.Combine(folder, ContentRules.CourseFileName);
        var sink = new List<ContentProblem>();
        var courseProblems = new FileProblems(courseFile, sink);
        if (!Directory.Exists(folder))
        {
            courseProblems.Error(SourceMark.FileStart, $"course folder '{folder}' not found; check the path");
            return new CourseLoadResult(courseId, folder, null, sink);
        }

        if (!ContentRules.IsValidId(courseId))
        {
            courseProblems.Error(SourceMark.FileStart,
                $"course folder name '{courseId}' is not a valid course id; rename the folder using lowercase letters a-z, digits and single hyphens, as in `sma-steg`");
        }

        CourseMetadata? metadata = null;
        if (!File.Exists(courseFile))
        {
            courseProblems.Error(SourceMark.FileStart,
                "course.yaml is missing; every course folder needs one with title, description, objectives, language, audience and estimated_minutes");
        }
        else if (await ReadTextAsync(courseFile, courseProblems, cancellationToken).ConfigureAwait(false) is { } courseText)
        {
            metadata = CourseFileParser.Parse(courseText, courseProblems);
        }

        var original = await LoadNuggetsAsync(folder, sink, cancellationToken).ConfigureAwait(false);
        if (original.Files == 0)
        {
            courseProblems.Error(SourceMark.FileStart,
                "the course has no nugget files; add one Markdown file per nugget next to course.yaml, named 01-<slug>.md, 02-<slug>.md, ...");
        }

        var translations = await LoadTranslationsAsync(folder, metadata, original.Nuggets, courseProblems, sink, cancellationToken).ConfigureAwait(false);

        Course? course = null;
        if (!sink.Any(p => p.IsError) && metadata is { Language: { } language })
        {
            course = BuildCourse(courseId, language, metadata, original.Nuggets, translations);
            var files = original.Nuggets.Select(n => ((language, n.Id), n))
                .Concat(translations.SelectMany(t => t.Nuggets.Select(n => ((t.Metadata.Language, n.Id), n))))
                .ToDictionary(pair => pair.Item1, pair => pair.n);
            LessonCardBudget.Check(course, files, _cardRenderer, sink);
            if (sink.Any(p => p.IsError))
            {
                course = null;
            }
        }

        var ordered = sink.OrderBy(p => p.FilePath, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column).ToList();
        return new CourseLoadResult(courseId, folder, course, ordered);
    }

    private sealed record NuggetSet(IReadOnlyList<ParsedNugget> Nuggets, int Files);

    private sealed record TranslationSet(TranslationMetadata Metadata, IReadOnlyList<ParsedNugget> Nuggets);

    private static async Task<NuggetSet> LoadNuggetsAsync(string folder, List<ContentProblem> sink, CancellationToken cancellationToken)
    {
        var files = Directory.EnumerateFiles(folder, "*.md")
            .Where(f => !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();

        var nuggets = new List<ParsedNugget>();
        var ids = new Dictionary<string, ParsedNugget>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var problems = new FileProblems(file, sink);
            if (await ReadTextAsync(file, problems, cancellationToken).ConfigureAwait(false) is not { } text
                || NuggetFileParser.Parse(text, problems) is not { } nugget)
            {
                continue;
            }

            if (nugget.Id.Length > 0 && !ids.TryAdd(nugget.Id, nugget))
            {
                problems.Error(nugget.IdMark,
                    $"nugget id '{nugget.Id}' is already used by {ids[nugget.Id].FileName}; give each nugget in the course its own id");
                continue;
            }

            nuggets.Add(nugget);
        }

        return new NuggetSet(nuggets, files.Count);
    }

    /// <summary>Returns whether any nugget file directly in <paramref name="folder"/> has an error.</summary>
    private static bool HasNuggetErrors(List<ContentProblem> problems, string folder) =>
        problems.Any(p => p.IsError
            && string.Equals(Path.GetDirectoryName(p.FilePath), folder, StringComparison.Ordinal)
            && p.FilePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    private static async Task<List<TranslationSet>> LoadTranslationsAsync(string folder, CourseMetadata? metadata,
        IReadOnlyList<ParsedNugget> original, FileProblems courseProblems, List<ContentProblem> sink, CancellationToken cancellationToken)
    {
        var declared = metadata?.Translations.ToDictionary(t => t.Language, StringComparer.Ordinal)
            ?? new Dictionary<string, TranslationMetadata>(StringComparer.Ordinal);
        var folders = Directory.EnumerateDirectories(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(ContentRules.IsLanguageFolderName)
            .Order(StringComparer.Ordinal)
            .ToList();

        // Translations are compared only when the nugget files on both sides have no errors. A broken file would
        // otherwise also fail its correct counterpart, with advice to change the wrong file.
        var originalIsSound = !HasNuggetErrors(sink, folder);

        var translations = new List<TranslationSet>();
        foreach (var language in folders)
        {
            if (!ContentRules.KnownLanguages.ContainsKey(language))
            {
                courseProblems.Warning(metadata?.TranslationsMark ?? SourceMark.FileStart,
                    $"folder {language}/ looks like a translation, but '{language}' is not a supported language ({ContentRules.LanguageList}); it is ignored");
                continue;
            }

            if (!declared.TryGetValue(language, out var translation))
            {
                if (metadata is not null && language != metadata.Language)
                {
                    courseProblems.Error(metadata.TranslationsMark,
                        $"folder {language}/ is a translation into {ContentRules.LanguageName(language)}, but course.yaml has no `translations:` entry for '{language}'; add one with title, description and objectives");
                }
                else if (metadata is not null)
                {
                    courseProblems.Error(metadata.TranslationsMark,
                        $"folder {language}/ is in the course's own language; put the nuggets next to course.yaml and remove the folder");
                }

                continue;
            }

            var translationFolder = Path.Combine(folder, language);
            var nuggets = await LoadNuggetsAsync(translationFolder, sink, cancellationToken).ConfigureAwait(false);
            if (nuggets.Files == 0)
            {
                courseProblems.Error(translation.Mark,
                    $"translation '{language}' has no nugget files; add {language}/ with one file per nugget, named as the original files");
                continue;
            }

            if (originalIsSound && !HasNuggetErrors(sink, translationFolder))
            {
                TranslationChecker.Compare(original, nuggets.Nuggets, language, sink);
            }

            translations.Add(new TranslationSet(translation, nuggets.Nuggets));
        }

        foreach (var missing in declared.Values.Where(t => !folders.Contains(t.Language, StringComparer.Ordinal)))
        {
            courseProblems.Error(missing.Mark,
                $"course.yaml lists translation '{missing.Language}', but the folder {missing.Language}/ is missing; add it with one file per nugget, or remove the entry");
        }

        return translations;
    }

    private static Course BuildCourse(string courseId, string language, CourseMetadata metadata,
        IReadOnlyList<ParsedNugget> original, IReadOnlyList<TranslationSet> translations)
    {
        var order = original.Select((n, index) => (n.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        return new Course
        {
            Id = courseId,
            Language = language,
            Original = new CourseVersion
            {
                Language = language,
                Title = metadata.Title,
                Description = metadata.Description,
                Objectives = metadata.Objectives,
                Nuggets = original.Select(n => n.Model).ToList(),
            },
            Translations = translations.ToDictionary(
                t => t.Metadata.Language,
                t => new CourseVersion
                {
                    Language = t.Metadata.Language,
                    Title = t.Metadata.Title,
                    Description = t.Metadata.Description,
                    Objectives = t.Metadata.Objectives,

                    // Translations follow the original's delivery order whatever their file names.
                    Nuggets = t.Nuggets.OrderBy(n => order[n.Id]).Select(n => n.Model).ToList(),
                },
                StringComparer.Ordinal),
            Audience = metadata.Audience,
            DesiredRetention = metadata.DesiredRetention,
            EstimatedMinutes = metadata.EstimatedMinutes,
            DefaultCadence = metadata.Cadence,
        };
    }

    /// <summary>Reads a file as strict UTF-8; reports unreadable files and other encodings and returns null then.</summary>
    private static async Task<string?> ReadTextAsync(string path, FileProblems problems, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            problems.Error(SourceMark.FileStart, $"the file could not be read ({exception.Message}); check that it exists and is readable");
            return null;
        }

        try
        {
            // Editors on Windows may save a byte order mark, and old Mac files end lines with a lone CR.
            var text = StrictUtf8.GetString(bytes).TrimStart('\uFEFF');
            return text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }
        catch (DecoderFallbackException)
        {
            problems.Error(SourceMark.FileStart, "the file is not valid UTF-8; save it with UTF-8 encoding so that å, ä and ö come through");
            return null;
        }
    }
}
