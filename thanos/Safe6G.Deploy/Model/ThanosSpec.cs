namespace Safe6G.Deploy.Model;

/// <summary>The central long-term store: where it runs, its bucket, retention per resolution, and gRPC TLS.</summary>
public sealed record ThanosSpec(
    string Domain,
    ObjectStorageSpec ObjectStorage,
    RetentionSpec Retention,
    GrpcTlsSpec GrpcTls);

/// <summary>S3-compatible bucket (Rook Ceph RGW in the seed); credentials come from the environment, never the file.</summary>
public sealed record ObjectStorageSpec(string Type, string Bucket, string Endpoint, string Region, bool Insecure);

/// <summary>Compactor retention per resolution; "0d" keeps forever.</summary>
public sealed record RetentionSpec(string Raw, string FiveMinutes, string OneHour);

/// <summary>File paths (inside the pods) of the CA, certificate and key for inter-domain StoreAPI gRPC.</summary>
public sealed record GrpcTlsSpec(string CaFile, string CertFile, string KeyFile, string ServerName);
