import Domain

extension JobProviders {
    /// Every adapter Wayfinder ships, talking HTTP through `http`.
    public static func standard(http: ProviderHTTP, clock: any WallClock) -> JobProviders {
        JobProviders([])
    }
}
