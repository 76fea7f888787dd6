namespace Gateway.Adapters.Portals.Validation;

/// <summary>Stable field-error codes of the portal agreement (docs/portals.md).</summary>
public static class ErrorCodes
{
    public const string Required = "REQUIRED";
    public const string InvalidFormat = "INVALID_FORMAT";
    public const string InvalidValue = "INVALID_VALUE";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string UsccChecksum = "USCC_CHECKSUM";
    public const string UnknownRegion = "UNKNOWN_REGION";
    public const string RegionMismatch = "REGION_MISMATCH";
    public const string UnsupportedService = "UNSUPPORTED_SERVICE";
    public const string NoServiceRequested = "NO_SERVICE_REQUESTED";
    public const string DuplicateService = "DUPLICATE_SERVICE";
    public const string ServiceNotRequested = "SERVICE_NOT_REQUESTED";
    public const string OutOfScope = "OUT_OF_SCOPE";
    public const string UnknownZone = "UNKNOWN_ZONE";
    // The fee list's field-level refusals (docs/api.md "Fee list contract"), decided by the fee rules.
    public const string FeeNotChargeable = Routing.Lifecycle.FeeListRules.FeeNotChargeable;
    public const string FeeTotalMismatch = Routing.Lifecycle.FeeListRules.FeeTotalMismatch;
    public const string FeeListMismatch = Routing.Lifecycle.FeeListRules.FeeListMismatch;
    /// <summary>Bookings (docs/lifecycle.md): a date not after today, a date that is not a working day, an application
    /// number the portal never sent, a region whose plan offers no booking.</summary>
    public const string DateInPast = "DATE_IN_PAST";
    public const string NotWorkingDay = "NOT_WORKING_DAY";
    public const string UnknownApplication = "UNKNOWN_APPLICATION";
    public const string BookingNotOffered = "BOOKING_NOT_OFFERED";
}
