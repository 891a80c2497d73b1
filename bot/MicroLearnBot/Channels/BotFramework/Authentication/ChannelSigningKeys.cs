using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace MicroLearnBot.Channels.BotFramework.Authentication;

/// <summary>
/// One fetched copy of the channel's signing keys with their endorsements, both keyed by key id.
/// </summary>
/// <remarks>
/// Each key of the Bot Framework key set carries an <c>endorsements</c> array of channel ids
/// (such as <c>msteams</c>) that the key may sign for. IdentityModel's key objects do not expose
/// it, so it is read from the raw key set JSON that the keys were parsed from.
/// </remarks>
internal sealed class ChannelSigningKeys
{
    private readonly Dictionary<string, List<SecurityKey>> _keysById;
    private readonly Dictionary<string, HashSet<string>> _endorsementsById;

    private ChannelSigningKeys(
        Dictionary<string, List<SecurityKey>> keysById,
        Dictionary<string, HashSet<string>> endorsementsById,
        DateTimeOffset retrievedAt)
    {
        _keysById = keysById;
        _endorsementsById = endorsementsById;
        RetrievedAt = retrievedAt;
    }

    public DateTimeOffset RetrievedAt { get; }

    public int KeyIdCount => _keysById.Count;

    public bool TryGetKeys(string keyId, out IReadOnlyList<SecurityKey> keys)
    {
        if (_keysById.TryGetValue(keyId, out var found))
        {
            keys = found;
            return true;
        }

        keys = [];
        return false;
    }

    /// <summary>
    /// Returns whether the key's endorsements contain the channel id, compared ordinally as the
    /// Bot Framework SDK does. A key without endorsements endorses nothing.
    /// </summary>
    public bool IsEndorsed(string keyId, string channelId) =>
        !string.IsNullOrEmpty(channelId)
        && _endorsementsById.TryGetValue(keyId, out var endorsements)
        && endorsements.Contains(channelId);

    /// <summary>
    /// Parses a JSON Web Key Set document and reads each key's endorsements from the same text.
    /// </summary>
    /// <exception cref="InvalidDataException">The document has no usable signing key.</exception>
    /// <exception cref="JsonException">The document is not valid JSON.</exception>
    /// <exception cref="ArgumentException">IdentityModel rejected the key set.</exception>
    public static ChannelSigningKeys Parse(string keySetJson, DateTimeOffset retrievedAt)
    {
        var keySet = new JsonWebKeySet(keySetJson);
        var keysById = new Dictionary<string, List<SecurityKey>>(StringComparer.Ordinal);
        foreach (var key in keySet.GetSigningKeys())
        {
            if (string.IsNullOrEmpty(key.KeyId))
            {
                continue;
            }

            if (!keysById.TryGetValue(key.KeyId, out var list))
            {
                list = [];
                keysById.Add(key.KeyId, list);
            }

            list.Add(key);
        }

        if (keysById.Count == 0)
        {
            throw new InvalidDataException("The key set contains no signing key with a key id.");
        }

        return new ChannelSigningKeys(keysById, ReadEndorsements(keySetJson), retrievedAt);
    }

    private static Dictionary<string, HashSet<string>> ReadEndorsements(string keySetJson)
    {
        var endorsementsById = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        using var document = JsonDocument.Parse(keySetJson);
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException("The key set has no 'keys' array.");
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid)
                || kid.ValueKind != JsonValueKind.String
                || !key.TryGetProperty("endorsements", out var endorsements)
                || endorsements.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var keyId = kid.GetString()!;
            if (!endorsementsById.TryGetValue(keyId, out var set))
            {
                set = new HashSet<string>(StringComparer.Ordinal);
                endorsementsById.Add(keyId, set);
            }

            foreach (var endorsement in endorsements.EnumerateArray())
            {
                if (endorsement.ValueKind == JsonValueKind.String)
                {
                    set.Add(endorsement.GetString()!);
                }
            }
        }

        return endorsementsById;
    }
}
