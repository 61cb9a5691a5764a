using HealthStats.Etl.Deidentification;

namespace HealthStats.Etl.Tests.Deidentification;

public sealed class PseudonymiserTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] OtherKey = Enumerable.Range(2, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void PatientKey_IsTheSame_ForTheSameCardAtAnyFacility()
    {
        var p = new Pseudonymiser(Key);

        Assert.Equal(p.PatientKey("F001", "123", "9876543210"), p.PatientKey("F002", "555", "9876543210"));
    }

    [Fact]
    public void PatientKey_IgnoresFormatting_OfTheHealthCardNumber()
    {
        var p = new Pseudonymiser(Key);

        Assert.Equal(p.PatientKey("F001", "1", "9876-543-210"), p.PatientKey("F001", "1", "9876543210"));
    }

    [Fact]
    public void PatientKey_FallsBackToTheChart_WhenThereIsNoHealthCard()
    {
        var p = new Pseudonymiser(Key);

        Assert.Equal(p.ChartKey("F001", "123"), p.PatientKey("F001", "123", null));
        Assert.NotEqual(p.PatientKey("F001", "123", null), p.PatientKey("F002", "123", null));
    }

    [Fact]
    public void Pseudonyms_Differ_WhenTheKeyDiffers()
    {
        Assert.NotEqual(new Pseudonymiser(Key).PatientKey("F001", "1", "9876543210"), new Pseudonymiser(OtherKey).PatientKey("F001", "1", "9876543210"));
    }

    [Fact]
    public void Pseudonyms_KeepChartAndCardApart_WhenTheyHaveTheSameDigits()
    {
        var p = new Pseudonymiser(Key);

        Assert.NotEqual(p.ChartKey("F001", "9876543210"), p.PatientKey("F001", "1", "9876543210"));
    }

    [Fact]
    public void Pseudonym_IsHexAndHoldsNoInput()
    {
        var key = new Pseudonymiser(Key).PatientKey("F001", "1", "9876543210");

        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.DoesNotContain("9876543210", key, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsAShortKey()
    {
        Assert.Throws<ArgumentException>(() => new Pseudonymiser(new byte[16]));
    }

    [Theory]
    [InlineData("K1A 0B1", "K1A")]
    [InlineData("k1a0b1", "K1A")]
    [InlineData(" M5V-3L9", "M5V")]
    [InlineData("K1", null)]
    [InlineData("", null)]
    public void Fsa_KeepsTheFirstThreeCharacters(string postal, string? expected)
    {
        Assert.Equal(expected, PostalCodes.Fsa(postal));
    }

    [Theory]
    [InlineData(0, "0-4")]
    [InlineData(4, "0-4")]
    [InlineData(5, "5-9")]
    [InlineData(89, "85-89")]
    [InlineData(90, "90+")]
    [InlineData(124, "90+")]
    public void AgeGroup_IsFiveYears_UpTo90Plus(int age, string expected)
    {
        Assert.Equal(expected, AgeGroups.FiveYear(age));
    }

    [Fact]
    public void HmacKeyStore_CreatesAnOwnerOnlyKeyOnce()
    {
        using var temp = new HealthStats.TestSupport.TempDirectory("key");
        var data = new HealthStats.Warehouse.Storage.DataDirectory(temp.Path);

        var first = HmacKeyStore.LoadOrCreate(data);
        var second = HmacKeyStore.LoadOrCreate(data);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(data.HmacKeyFile));
    }
}
