/**
 * One story in two languages, as the review suites import it: the English version as a saved HTML page (with a menu,
 * a footer and a script whose text must never reach the source), the Ukrainian one as a plain-text press copy. Both
 * state the same two facts: Norway pledges USD 135 million and Sweden USD 275 million.
 */
export const NORDIC_EN_HTML = `<!doctype html>
<html lang="en"><head>
<title>Norway and Sweden fund a PURL package for Ukraine | Example Wire</title>
<meta property="og:site_name" content="Example Wire">
<meta property="og:title" content="Norway and Sweden fund a PURL package for Ukraine">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-08-05T10:00:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Norway and Sweden fund a PURL package for Ukraine</h1>
<p>Norway will allocate USD 135 million to buy American weapons for Ukraine under the PURL mechanism, the Norwegian defence ministry said on Tuesday.</p>
<p>Sweden will contribute USD 275 million to the same package, the Swedish government announced.</p>
<p>The first deliveries are expected in the autumn, officials said.</p>
</article>
<footer>© Example Wire. <script>var tracking = "Germany paid USD 1 billion";</script></footer>
</body></html>
`;

export const NORDIC_UK_TEXT = `Норвегія та Швеція фінансують пакет PURL для України

Автор: Олена Петренко
06.08.2025

Норвегія виділить 135 мільйонів доларів на закупівлю американської зброї для України в межах механізму PURL, повідомило міністерство оборони Норвегії у вівторок.

Швеція внесе 275 мільйонів доларів до цього ж пакета, оголосив уряд Швеції.

Перші поставки очікуються восени, кажуть посадовці.
`;

/** Canada's pledge, which no contribution in the suites' ledgers records: accepting it implies pledging one. */
export const CANADA_EN_TEXT = `Canada pledges USD 200 million for PURL

Canada will provide USD 200 million for a PURL package of American weapons for Ukraine, the Prime Minister said.

The package is expected to be delivered next year.
`;

export const CANADA_UK_TEXT = `Канада виділить 200 мільйонів доларів на PURL

Канада надасть 200 мільйонів доларів на пакет PURL з американською зброєю для України, заявив прем'єр-міністр.

Пакет очікують наступного року.
`;
