using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// Data-annotation validation whose failures name the full setting (<c>Section:Key</c>), so a bad or
/// missing setting stops start-up with one message an operator can act on.
/// </summary>
public sealed class SectionValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = results.Select(r =>
            $"setting '{section}:{string.Join(",", r.MemberNames)}' is invalid: {r.ErrorMessage}");
        return ValidateOptionsResult.Fail(failures);
    }
}
