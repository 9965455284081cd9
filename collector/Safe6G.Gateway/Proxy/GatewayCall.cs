using Microsoft.AspNetCore.Http;
using Safe6G.Gateway.Auth;
using Safe6G.Gateway.Tenancy;

namespace Safe6G.Gateway.Proxy;

/// <summary>An authenticated, authorised request on its way upstream.</summary>
public sealed record GatewayCall(HttpContext Context, string Route, Caller Caller, TenantPolicy Tenant, RequestParams Params);
