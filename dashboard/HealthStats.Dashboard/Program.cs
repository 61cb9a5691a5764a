var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "HealthStats");
app.Run();

/// <summary>Visible to the test host (WebApplicationFactory).</summary>
public partial class Program;
