import Testing
@testable import CareerAgent
