/** The team page's grid, "My numbers this week": where the skip link lands when the page has one. */
export const MY_NUMBERS_ID = "my-numbers";
