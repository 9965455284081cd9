namespace Safe6G.Snmp;

/// <summary>
/// Base of every error this library raises on purpose. Decoding, transport, agent errors and USM
/// reports all derive from it, so a caller that catches <see cref="SnmpException"/> (plus
/// <see cref="OperationCanceledException"/> for its own cancellation) handles every failure.
/// </summary>
public class SnmpException : Exception
{
    public SnmpException(string message) : base(message) { }
    public SnmpException(string message, Exception? inner) : base(message, inner) { }
}

/// <summary>A packet (or part of one) is not valid BER / SNMP. Raised by the decoder for malformed,
/// truncated or oversized input; never any other exception type.</summary>
public sealed class SnmpDecodeException : SnmpException
{
    public SnmpDecodeException(string message) : base(message) { }
    /// <summary>Offset in the decoded buffer where the problem was found (-1 if unknown).</summary>
    public int Offset { get; init; } = -1;
}

/// <summary>No (valid) response within the configured timeout and retries.</summary>
public sealed class SnmpTimeoutException : SnmpException
{
    public SnmpTimeoutException(string message, Exception? inner = null) : base(message, inner) { }
    public int Attempts { get; init; }
    public TimeSpan TimeoutPerAttempt { get; init; }
    /// <summary>An ICMP port-unreachable came back (nothing listens on the target port).</summary>
    public bool PortUnreachable { get; init; }
}

/// <summary>The agent answered with a non-zero error-status.</summary>
public class SnmpErrorStatusException : SnmpException
{
    public SnmpErrorStatusException(SnmpErrorStatus status, int index, string message) : base(message)
    {
        Status = status;
        Index = index;
    }
    public SnmpErrorStatus Status { get; }
    /// <summary>1-based error-index from the response (0 = not tied to a varbind).</summary>
    public int Index { get; }
}

/// <summary>error-status authorizationError (16): the user/community may not read this, typically a
/// security level below the one the user is configured for (e.g. authNoPriv for a "priv" user).</summary>
public sealed class SnmpAuthorizationException : SnmpErrorStatusException
{
    public SnmpAuthorizationException(int index, string message) : base(SnmpErrorStatus.AuthorizationError, index, message) { }
}

/// <summary>Something in the exchange broke the protocol (unexpected PDU type, response without
/// the requested varbinds, …) or a local limit was hit.</summary>
public class SnmpProtocolException : SnmpException
{
    public SnmpProtocolException(string message) : base(message) { }
}

/// <summary>A walk got an OID that is not greater than the previous one (an agent bug that would
/// otherwise loop forever; net-snmp reports "OID not increasing").</summary>
public sealed class SnmpNonIncreasingOidException : SnmpProtocolException
{
    public SnmpNonIncreasingOidException(Oid previous, Oid received)
        : base($"OID not increasing: {previous} >= {received}")
    {
        Previous = previous;
        Received = received;
    }
    public Oid Previous { get; }
    public Oid Received { get; }
}

/// <summary>What a USM (SNMPv3) report or local check says went wrong.</summary>
public enum UsmError
{
    UnknownUserName,
    WrongDigest,
    DecryptionError,
    UnsupportedSecurityLevel,
    NotInTimeWindow,
    UnknownEngineId,
    /// <summary>A response failed our own authentication check (wrong key, or not from the agent).</summary>
    ResponseAuthenticationFailed,
    /// <summary>A report with an OID we do not map.</summary>
    OtherReport,
}

/// <summary>SNMPv3 security failure (from a Report-PDU or our own USM checks).</summary>
public class SnmpSecurityException : SnmpException
{
    public SnmpSecurityException(UsmError error, string message, Oid? reportOid = null) : base(message)
    {
        Error = error;
        ReportOid = reportOid;
    }
    public UsmError Error { get; }
    /// <summary>The usmStats/snmp counter OID the agent reported, if any.</summary>
    public Oid? ReportOid { get; }
}

/// <summary>usmStatsUnknownUserNames: the agent does not know the user name.</summary>
public sealed class SnmpUnknownUserException : SnmpSecurityException
{
    public SnmpUnknownUserException(string user, Oid reportOid)
        : base(UsmError.UnknownUserName, $"unknown user '{user}' (usmStatsUnknownUserNames)", reportOid) { }
}

/// <summary>usmStatsWrongDigests: authentication failed, almost always a wrong auth password or protocol.</summary>
public sealed class SnmpAuthenticationException : SnmpSecurityException
{
    public SnmpAuthenticationException(string message, Oid? reportOid = null)
        : base(reportOid is null ? UsmError.ResponseAuthenticationFailed : UsmError.WrongDigest, message, reportOid) { }
}

/// <summary>usmStatsDecryptionErrors: the agent could not decrypt (wrong privacy password or protocol).</summary>
public sealed class SnmpDecryptionException : SnmpSecurityException
{
    public SnmpDecryptionException(string message, Oid? reportOid = null)
        : base(UsmError.DecryptionError, message, reportOid) { }
}

/// <summary>usmStatsUnsupportedSecLevels: the user does not support the requested security level.</summary>
public sealed class SnmpUnsupportedSecurityLevelException : SnmpSecurityException
{
    public SnmpUnsupportedSecurityLevelException(string message, Oid reportOid)
        : base(UsmError.UnsupportedSecurityLevel, message, reportOid) { }
}

/// <summary>Thrown by the typed accessors of <see cref="SnmpValue"/> when the value has another type.</summary>
public sealed class SnmpTypeException : SnmpException
{
    public SnmpTypeException(string message) : base(message) { }
}
