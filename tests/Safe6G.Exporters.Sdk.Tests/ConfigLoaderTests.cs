using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Example;

namespace Safe6G.Exporters.Sdk.Tests;

public sealed class ConfigLoaderTests
{
    private static ConfigError Single(string yaml, Dictionary<string, string>? env = null)
    {
        var ex = Assert.Throws<ConfigException>(() => YamlConfigLoader.Parse<ExampleConfig>(yaml, "ex.yml", "SAFE6G_EXAMPLE_", env ?? []));
        return Assert.Single(ex.Errors);
    }

    [Fact]
    public void Valid_file_with_durations_and_nested_sections_loads()
    {
        var config = YamlConfigLoader.Parse<ExampleConfig>("series: 42\nupstream_delay: 1m30s\nscrape:\n  cache_ttl: 250ms\n  max_concurrency: 2\n", "ex.yml");
        Assert.Equal(42, config.Series);
        Assert.Equal(TimeSpan.FromSeconds(90), config.UpstreamDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.Scrape.CacheTtl);
        Assert.Equal(2, config.Scrape.MaxConcurrency);
    }

    [Fact]
    public void A_drop_families_entry_that_is_not_a_regex_names_its_line_and_index()
    {
        var error = Single("series: 10\nscrape:\n  drop_families:\n    - example_.*\n    - '([a-z'\n");
        Assert.Equal("scrape.drop_families[1]", error.Field);
        Assert.Equal(5, error.Line);
        Assert.Contains("not a regular expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_yaml_names_the_line()
    {
        var error = Single("series: 10\nscrape:\n  timeout: [1s\n");
        Assert.Equal("ex.yml", error.File);
        Assert.True(error.Line >= 3, error.ToString());
    }

    [Fact]
    public void Unknown_field_names_field_and_line()
    {
        var error = Single("series: 10\nscrape:\n  cache_tll: 1s\n");
        Assert.Equal(3, error.Line);
        Assert.Contains("unknown field 'cache_tll'", error.Message);
        Assert.Equal("scrape.cache_tll", error.Field);
    }

    [Fact]
    public void Wrong_type_names_field_and_line()
    {
        var error = Single("families: 2\nseries: lots\n");
        Assert.Equal(2, error.Line);
        Assert.Equal("series", error.Field);
        Assert.Contains("invalid value", error.Message);
    }

    [Fact]
    public void Bad_duration_names_field_and_line()
    {
        var error = Single("series: 1\nupstream_delay: 2x\n");
        Assert.Equal(2, error.Line);
        Assert.Equal("upstream_delay", error.Field);
        Assert.Contains("not a valid duration string: \"2x\"", error.ToString());
    }

    [Fact]
    public void Semantic_validation_errors_carry_the_line_of_the_field()
    {
        var error = Single("series: 1\nscrape:\n  timeout: 10s\n  max_concurrency: 0\n");
        Assert.Equal(4, error.Line);
        Assert.Equal("scrape.max_concurrency", error.Field);
        Assert.Equal("ex.yml:4:3: field 'scrape.max_concurrency': must be between 1 and 1024", error.ToString());
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        var error = Single("series: 1\nseries: 2\n");
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Environment_overrides_nested_fields_and_are_validated()
    {
        var config = YamlConfigLoader.Parse<ExampleConfig>("series: 1\n", "ex.yml", "SAFE6G_EXAMPLE_",
            new Dictionary<string, string> { ["SAFE6G_EXAMPLE_SCRAPE__CACHE_TTL"] = "3s", ["SAFE6G_EXAMPLE_SERIES"] = "7", ["OTHER"] = "x" });
        Assert.Equal(TimeSpan.FromSeconds(3), config.Scrape.CacheTtl);
        Assert.Equal(7, config.Series);

        var error = Single("series: 1\n", new Dictionary<string, string> { ["SAFE6G_EXAMPLE_SERIES"] = "many" });
        Assert.Equal("environment SAFE6G_EXAMPLE_SERIES", error.File);
        Assert.Equal("series", error.Field);

        var unknown = Single("series: 1\n", new Dictionary<string, string> { ["SAFE6G_EXAMPLE_NOPE"] = "1" });
        Assert.Contains("unknown field 'nope'", unknown.Message);
    }

    [Fact]
    public void Missing_file_is_a_clear_error()
    {
        var ex = Assert.Throws<ConfigException>(() => YamlConfigLoader.Load<ExampleConfig>("/nonexistent/ex.yml"));
        Assert.Contains("/nonexistent/ex.yml: cannot read the file", ex.Message);
    }

    [Theory]
    [InlineData("1h30m", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("2d", 172800)]
    [InlineData("0", 0)]
    public void Prometheus_durations_parse(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), PrometheusDuration.Parse(text));

    [Theory]
    [InlineData("1.5s")]
    [InlineData("10")]
    [InlineData("m5")]
    public void Invalid_durations_are_rejected(string text) => Assert.False(PrometheusDuration.TryParse(text, out _));
}
