#!/usr/bin/env python3
"""Checks labels.json against the .eml files in this folder.

Run from anywhere: python3 check_labels.py
Exits non-zero on an error; prints the counts per category and split.
"""
import collections, email, email.policy, email.utils, json, os, re, sys
from datetime import datetime, date

HERE = os.path.dirname(os.path.abspath(__file__))
CATEGORIES = {"interview_invite", "interview_reschedule", "rejection", "offer",
              "application_received", "recruiter_outreach", "assessment_invite", "other"}
INTERVIEW_KEYS = {"start", "duration_minutes", "location_type", "location_or_link", "time_status"}
LOCATION_TYPES = {"video", "phone", "onsite", None}
TIME_STATUSES = {"scheduled", "proposed", "to_be_scheduled", "ambiguous"}
SPLITS = ("dev", "holdout", "test")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

errors, warnings = [], []

def err(msg): errors.append(msg)

def text_of(msg):
    parts = []
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            try:
                parts.append(part.get_content())
            except Exception as e:  # undecodable part
                err(f"{msg['X-Check-File']}: cannot decode a {part.get_content_type()} part: {e}")
    return "\n".join(parts)

def check_weekdays(name, text, year):
    """'Thursday, March 12' and 'Tue 3/10' must name the right weekday."""
    pattern = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?,?\s+(?:(" +
                         "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\s+(\d{1,2})\b|(\d{1,2})/(\d{1,2})\b)",
                         re.I)
    # 'Monday 30 March', 'Wed 24 Jun 2026', 'Friday, 6 November 2026'
    day_first = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thurs|fri|sat|sun)\.?,?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(" +
                           "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b", re.I)
    for m in day_first.finditer(text):
        wd = m.group(1).lower()[:3]
        month = next(i for i, mo in enumerate(MONTHS, 1) if mo.startswith(m.group(3).lower()[:3]))
        try:
            d = date(year, month, int(m.group(2)))
        except ValueError:
            continue
        if WEEKDAYS[d.weekday()][:3] != wd:
            warnings.append(f"{name}: '{m.group(0)}' but {d} is a {WEEKDAYS[d.weekday()].title()}")
    for m in pattern.finditer(text):
        wd = m.group(1).lower()[:3]
        try:
            if m.group(2):
                month = next(i for i, mo in enumerate(MONTHS, 1) if mo.startswith(m.group(2).lower()[:3]))
                d = date(year, month, int(m.group(3)))
            else:
                d = date(year, int(m.group(4)), int(m.group(5)))
        except (ValueError, StopIteration):
            continue
        if WEEKDAYS[d.weekday()][:3] != wd:
            warnings.append(f"{name}: '{m.group(0)}' but {d} is a {WEEKDAYS[d.weekday()].title()}")

def main():
    with open(os.path.join(HERE, "labels.json"), encoding="utf-8") as f:
        labels = json.load(f)
    if not isinstance(labels, list):
        err("labels.json is not an array")
        labels = []
    files = {n for n in os.listdir(HERE) if n.endswith(".eml")}
    seen, message_ids = set(), {}
    for entry in labels:
        name = entry.get("file")
        if set(entry) != {"file", "split", "category", "company", "job_title", "interview"}:
            err(f"{name}: unexpected keys {sorted(entry)}")
        if name in seen:
            err(f"{name}: listed twice")
        seen.add(name)
        if name not in files:
            err(f"{name}: listed but missing")
            continue
        if entry.get("split") not in SPLITS:
            err(f"{name}: bad split {entry.get('split')!r}")
        category = entry.get("category")
        if category not in CATEGORIES:
            err(f"{name}: bad category {category!r}")
        for key in ("company", "job_title"):
            if entry.get(key) is not None and not (isinstance(entry[key], str) and entry[key].strip()):
                err(f"{name}: {key} must be a non-empty string or null")
        if category != "other" and entry.get("company") is None:
            err(f"{name}: only 'other' messages may have no company")
        iv = entry.get("interview")
        if category in ("interview_invite", "interview_reschedule"):
            if not isinstance(iv, dict) or set(iv) != INTERVIEW_KEYS:
                err(f"{name}: interview must be an object with {sorted(INTERVIEW_KEYS)}")
            else:
                status = iv["time_status"]
                if status not in TIME_STATUSES:
                    err(f"{name}: bad time_status {status!r}")
                if iv["location_type"] not in LOCATION_TYPES:
                    err(f"{name}: bad location_type {iv['location_type']!r}")
                if iv["duration_minutes"] is not None and not isinstance(iv["duration_minutes"], int):
                    err(f"{name}: duration_minutes must be an integer or null")
                if status in ("scheduled", "proposed"):
                    try:
                        start = datetime.fromisoformat(iv["start"])
                        if start.tzinfo is None:
                            err(f"{name}: start has no offset")
                    except (TypeError, ValueError):
                        err(f"{name}: start {iv['start']!r} is not ISO 8601")
                elif iv["start"] is not None:
                    err(f"{name}: start must be null when time_status is {status}")
        elif iv is not None:
            err(f"{name}: interview must be null for {category}")

        with open(os.path.join(HERE, name), "rb") as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        msg["X-Check-File"] = name
        for header in ("From", "To", "Subject", "Date", "Message-ID", "MIME-Version"):
            if msg[header] is None:
                err(f"{name}: no {header} header")
        try:
            sent = email.utils.parsedate_to_datetime(str(msg["Date"]))
            if sent.tzinfo is None:
                err(f"{name}: Date has no numeric offset")
            day_name = str(msg["Date"]).split(",")[0].strip().lower()
            if day_name[:3] != WEEKDAYS[sent.weekday()][:3]:
                err(f"{name}: Date header weekday {day_name} does not match {sent.date()}")
            check_weekdays(name, text_of(msg), sent.year)
        except (TypeError, ValueError):
            err(f"{name}: unparsable Date {msg['Date']!r}")
        mid = str(msg["Message-ID"])
        if mid in message_ids:
            err(f"{name}: Message-ID also used by {message_ids[mid]}")
        message_ids[mid] = name
    for name in sorted(files - seen):
        err(f"{name}: file not in labels.json")

    counts = collections.Counter((e.get("category"), e.get("split")) for e in labels)
    print(f"{'category':22}" + "".join(f" {s:>8}" for s in SPLITS) + f" {'total':>6}")
    for category in sorted(CATEGORIES):
        row = [counts[(category, s)] for s in SPLITS]
        print(f"{category:22}" + "".join(f" {n:8}" for n in row) + f" {sum(row):6}")
    totals = [sum(v for (c, s), v in counts.items() if s == split) for split in SPLITS]
    print(f"{'all':22}" + "".join(f" {n:8}" for n in totals) + f" {len(labels):6}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    return 1 if errors else 0

if __name__ == "__main__":
    sys.exit(main())
