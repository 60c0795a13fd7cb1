using System.Xml;
using System.Xml.Linq;
using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Workflows.Parsing;

/// <summary>
/// Loads untrusted XML: size checked first, DTDs refused before the reader sees them (and prohibited again by the
/// reader), no resolver, so no entity is ever expanded and no file or URL is ever opened.
/// </summary>
internal static class SafeXml
{
    // Only entities a DTD declares count here, and DTDs are prohibited; the cap is a second lock.
    // (Zero would mean "no limit" to XmlReaderSettings.)
    private const long MaxCharactersFromEntities = 1024;

    public static Result<XDocument> Load(string? xml, int maxCharacters)
    {
        if (string.IsNullOrWhiteSpace(xml))
        {
            return WorkflowErrors.EmptyDocument;
        }

        if (xml.Length > maxCharacters)
        {
            return WorkflowErrors.DocumentTooLarge(maxCharacters);
        }

        // Refuse declarations outright so the message is clear whatever language the runtime reports errors in.
        if (xml.Contains("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || xml.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
        {
            return WorkflowErrors.DtdRefused;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = MaxCharactersFromEntities,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            // The exception text may quote the document (entity names and the like); only the position is passed on.
            return WorkflowErrors.MalformedXml(e.LineNumber, e.LinePosition);
        }
    }
}
