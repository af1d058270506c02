namespace ArxivDigest.Scoring.Profiles;

/// <summary>A profile folder that cannot be used; the message names the profile, the file and the problem.</summary>
public sealed class ProfileException(string message) : Exception(message);
