import Mustache

// Templates look names up through `MustacheParent` instead of reflection: a results page reads a few
// hundred values, and a `Mirror` per lookup cost more than the search behind the page.

extension SearchPage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "query": query
        case "errors": errors
        case "hasErrors": hasErrors
        case "results": results
        case "facets": facets
        case "totalText": totalText
        case "hasResults": hasResults
        case "firstPageURL": firstPageURL
        case "nextPageURL": nextPageURL
        case "saveURL": saveURL
        case "suggestions": suggestions
        default: nil
        }
    }
}

extension SearchPage.Form: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "location": location
        case "minSalary": minSalary
        case "remote": remote
        case "sortByDate": sortByDate
        case "sortByMatch": sortByMatch
        case "canSortByMatch": canSortByMatch
        default: nil
        }
    }
}

extension SearchPage.Result: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "titleHTML": titleHTML
        case "company": company
        case "location": location
        case "remote": remote
        case "salary": salary
        case "posted": posted
        case "postedISO": postedISO
        case "snippetHTML": snippetHTML
        case "match": match
        default: nil
        }
    }
}

extension SearchPage.Facet: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "values": values
        default: nil
        }
    }
}

extension SearchPage.FacetValue: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "count": count
        case "href": href
        case "selected": selected
        default: nil
        }
    }
}

extension PageFrame: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "user": user
        case "csrf": csrf
        case "notice": notice
        case "content": content
        case "stylesheet": stylesheet
        case "script": script
        default: nil
        }
    }
}

extension PageFrame.UserBadge: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "isAdmin": isAdmin
        default: nil
        }
    }
}
