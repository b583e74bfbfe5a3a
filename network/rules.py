"""Rules of the Regulation on Leading Schools (seed 001, §3–6) that the software enforces or reports.

One place for each rule: everything else asks this module.
"""

# "Одна Ведущая школа на десять партнёрских школ" — one Leading School works with ten partner schools.
PARTNER_SCHOOLS_PER_LEADING_SCHOOL = 10


def partner_schools_over_limit(count):
    """How many partner schools beyond the regulation's ratio (0 when within it)."""
    return max(0, count - PARTNER_SCHOOLS_PER_LEADING_SCHOOL)


def partner_schools_below_ratio(count):
    """How many partner schools the Leading School lacks to work with as many as the ratio says (0 when it has)."""
    return max(0, PARTNER_SCHOOLS_PER_LEADING_SCHOOL - count)
