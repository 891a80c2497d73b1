using System.Text.Json.Nodes;

namespace MicroLearnBot.Tests.Support;

/// <summary>Builds activities from the real Teams payloads, pointed at the fake connector.</summary>
public static class Activities
{
    /// <summary>Loads a recorded Teams activity and replaces its service URL with <paramref name="serviceUrl"/>.</summary>
    public static JsonObject FromFixture(string fileName, string serviceUrl, string? locale = null)
    {
        var activity = JsonNode.Parse(SharedReference.ReadTeamsActivity(fileName))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        if (locale is not null)
        {
            activity["locale"] = locale;
        }

        return activity;
    }

    /// <summary>A personal-chat install (fixture 01) for the standard test user.</summary>
    public static JsonObject Install(string serviceUrl, string locale = "sv-SE") =>
        FromFixture("01-conversationupdate-personal-bot-installed.json", serviceUrl, locale);

    /// <summary>A personal-chat text message (fixture 04) from the same user as <see cref="Install"/>.</summary>
    public static JsonObject Text(string serviceUrl, string text, string locale = "sv-SE")
    {
        var activity = Install(serviceUrl, locale);
        activity["type"] = "message";
        activity["id"] = $"f:{Guid.NewGuid():N}";
        activity["text"] = text;
        activity.Remove("membersAdded");
        return activity;
    }

    /// <summary>What Teams sends when the card's Action.Submit is pressed: data merged with the inputs as strings.</summary>
    public static JsonObject Submit(string serviceUrl, JsonObject submitData, IDictionary<string, string> inputs, string replyToId = "1:card", string locale = "sv-SE")
    {
        var activity = Install(serviceUrl, locale);
        activity["type"] = "message";
        activity["id"] = $"f:{Guid.NewGuid():N}";
        activity["replyToId"] = replyToId;
        activity.Remove("membersAdded");
        var value = submitData.DeepClone().AsObject();
        foreach (var (name, input) in inputs)
        {
            value[name] = input;
        }

        activity["value"] = value;
        return activity;
    }

    /// <summary>Finds the first Action.Submit in a card (body action sets included) and returns its data.</summary>
    public static JsonObject SubmitData(JsonObject card, string? action = null)
    {
        foreach (var candidate in AllActions(card))
        {
            if ((string?)candidate["type"] == "Action.Submit" && candidate["data"] is JsonObject data && (action is null || (string?)data["action"] == action))
            {
                return data;
            }
        }

        throw new InvalidOperationException($"No Action.Submit{(action is null ? "" : $" with action '{action}'")} in the card.");
    }

    /// <summary>Returns the data of the Action.Submit with <paramref name="action"/> whose <paramref name="field"/> is <paramref name="value"/>, such as one confidence button.</summary>
    public static JsonObject SubmitData(JsonObject card, string action, string field, string value)
    {
        foreach (var candidate in AllActions(card))
        {
            if ((string?)candidate["type"] == "Action.Submit" && candidate["data"] is JsonObject data && (string?)data["action"] == action && (string?)data[field] == value)
            {
                return data;
            }
        }

        throw new InvalidOperationException($"No Action.Submit with action '{action}' and {field} '{value}' in the card.");
    }

    /// <summary>Makes the activity come from a distinct user in their own personal conversation.</summary>
    public static JsonObject ForUser(JsonObject activity, string user)
    {
        activity["from"] = new JsonObject { ["id"] = $"29:{user}", ["aadObjectId"] = $"aad-{user}", ["name"] = user };
        activity["conversation"] = new JsonObject { ["id"] = user, ["conversationType"] = "personal" };
        if (activity["membersAdded"] is JsonArray members)
        {
            members[1] = new JsonObject { ["id"] = $"29:{user}" };
        }

        return activity;
    }

    private static IEnumerable<JsonObject> AllActions(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["actions"] is JsonArray actions)
            {
                foreach (var action in actions.OfType<JsonObject>())
                {
                    yield return action;
                }
            }

            foreach (var (_, value) in obj)
            {
                if (value is not null && value is not JsonValue)
                {
                    foreach (var inner in AllActions(value))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array.OfType<JsonNode>())
            {
                foreach (var inner in AllActions(item))
                {
                    yield return inner;
                }
            }
        }
    }
}
