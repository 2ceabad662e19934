"""The capital and small letters of the Kazakh, Russian and English alphabets, as ranges for a pattern's
character class (`[{UPPER}]`): written once, so every rule that asks "a capital?" asks the same."""

UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІ"
LOWER = "a-zа-яёәғқңөұүһі"
