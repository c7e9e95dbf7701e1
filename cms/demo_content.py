"""Demo content drawn from the centre's real recent activity (see shared DEMO-FACTS)."""

import datetime as dt

# Partner snippets. kind is one of: "donor", "un_agency", "ngo", "ministry", "association",
# "other". url is left empty where the official domain is not certain.
PARTNERS = [
    {
        "key": "eu",
        "kind": "donor",
        "url": "https://european-union.europa.eu",
        "name": {"ar": "الاتحاد الأوروبي", "en": "European Union", "fr": "Union européenne"},
    },
    {
        "key": "nl-mfa",
        "kind": "donor",
        "url": "https://www.government.nl/ministries/ministry-of-foreign-affairs",
        "name": {
            "ar": "وزارة الخارجية الهولندية",
            "en": "Netherlands Ministry of Foreign Affairs",
            "fr": "Ministère néerlandais des Affaires étrangères",
        },
    },
    {
        "key": "vng",
        "kind": "association",
        "url": "https://www.vng-international.nl",
        "name": {
            "ar": "الوكالة الدولية لجمعية البلديات الهولندية (VNG International)",
            "en": "VNG International",
            "fr": "VNG International",
        },
    },
    {
        "key": "dri",
        "kind": "ngo",
        "url": "https://democracy-reporting.org",
        "name": {
            "ar": "منظمة تقارير الديمقراطية الدولية (DRI)",
            "en": "Democracy Reporting International",
            "fr": "Democracy Reporting International",
        },
    },
    {
        "key": "usaid",
        "kind": "donor",
        "url": "https://www.usaid.gov",
        "name": {
            "ar": "الوكالة الأمريكية للتنمية الدولية",
            "en": "United States Agency for International Development (USAID)",
            "fr": "Agence des États-Unis pour le développement international (USAID)",
        },
    },
    {
        "key": "undp",
        "kind": "un_agency",
        "url": "https://www.undp.org",
        "name": {
            "ar": "برنامج الأمم المتحدة الإنمائي",
            "en": "United Nations Development Programme (UNDP)",
            "fr": "Programme des Nations unies pour le développement (PNUD)",
        },
    },
    {
        "key": "ilo",
        "kind": "un_agency",
        "url": "https://www.ilo.org",
        "name": {
            "ar": "منظمة العمل الدولية",
            "en": "International Labour Organization (ILO)",
            "fr": "Organisation internationale du Travail (OIT)",
        },
    },
    {
        "key": "giz",
        "kind": "donor",
        "url": "https://www.giz.de",
        "name": {
            "ar": "الوكالة الألمانية للتعاون الدولي (GIZ)",
            "en": "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)",
            "fr": "Agence allemande de coopération internationale (GIZ)",
        },
    },
    {
        "key": "cilg-vng",
        "kind": "association",
        "url": "",
        "name": {
            "ar": "المركز الدولي للحوكمة المحلية (CILG-VNG International)",
            "en": "CILG-VNG International",
            "fr": "CILG-VNG International",
        },
    },
    {
        "key": "ly-mlg",
        "kind": "ministry",
        "url": "",
        "name": {
            "ar": "وزارة الحكم المحلي الليبية",
            "en": "Ministry of Local Government (Libya)",
            "fr": "Ministère du Gouvernement local (Libye)",
        },
    },
    {
        "key": "tn-mala",
        "kind": "ministry",
        "url": "",
        "name": {
            "ar": "وزارة الشؤون المحلية والبيئة (تونس)",
            "en": "Ministry of Local Affairs and Environment (Tunisia)",
            "fr": "Ministère des Affaires locales et de l'Environnement (Tunisie)",
        },
    },
    {
        "key": "tn-decentralisation-authority",
        "kind": "ministry",
        "url": "",
        "name": {
            "ar": "الهيئة العامة للاستشراف ومرافقة المسار اللامركزي (تونس)",
            "en": (
                "General Authority for Foresight and Support of the Decentralisation Process "
                "(Tunisia)"
            ),
            "fr": (
                "Instance générale de prospective et d'accompagnement du processus de "
                "décentralisation (Tunisie)"
            ),
        },
    },
    {
        "key": "fntc",
        "kind": "association",
        "url": "",
        "name": {
            "ar": "الجامعة الوطنية للبلديات التونسية",
            "en": "National Federation of Tunisian Municipalities",
            "fr": "Fédération nationale des communes tunisiennes",
        },
    },
    {
        "key": "apla",
        "kind": "association",
        "url": "",
        "name": {
            "ar": "الاتحاد الفلسطيني للهيئات المحلية",
            "en": "Association of Palestinian Local Authorities (APLA)",
            "fr": "Association des autorités locales palestiniennes (APLA)",
        },
    },
    {
        "key": "dj-decentralisation",
        "kind": "ministry",
        "url": "",
        "name": {
            "ar": "وزارة اللامركزية (جيبوتي)",
            "en": "Ministry of Decentralisation (Djibouti)",
            "fr": "Ministère de la Décentralisation (Djibouti)",
        },
    },
    {
        "key": "ly-supreme-council",
        "kind": "ministry",
        "url": "",
        "name": {
            "ar": "المجلس الأعلى للإدارة المحلية (ليبيا)",
            "en": "Supreme Council for Local Administration (Libya)",
            "fr": "Haut Conseil de l'administration locale (Libye)",
        },
    },
]

# Programmes (donor-funded). funders/implementers are PARTNERS keys; municipalities are slugs.
PROGRAMMES = [
    {
        "key": "isal",
        "title": {
            "ar": "برنامج «إيصال»: تطوير الخدمات المحلية وترسيخ الشفافية على المستوى المحلي",
            "en": "Isal: developing local services and anchoring transparency at local level",
            "fr": "Isal : développer les services locaux et ancrer la transparence au niveau local",
        },
        "lead": {
            "ar": (
                "برنامج نفّذه المكتب الإقليمي لشمال أفريقيا والشرق الأوسط التابع للوكالة الدولية "
                "لجمعية البلديات الهولندية (VNG International) بالشراكة مع منظمة تقارير "
                "الديمقراطية الدولية، بتمويل من الاتحاد الأوروبي ووزارة الخارجية الهولندية، وعمل "
                "مع وزارة الحكم المحلي على تحسين الخدمات البلدية وتعزيز الشفافية في البلديات "
                "الليبية. ومن أبرز ثماره إنشاء مركز تطوير البلديات ودعم اللامركزية."
            ),
            "en": (
                "A programme run by the North Africa and Middle East regional office of VNG "
                "International with Democracy Reporting International, funded by the European "
                "Union and the Netherlands Ministry of Foreign Affairs, which worked with Libya's "
                "Ministry of Local Government to improve municipal services and strengthen "
                "transparency in Libyan municipalities. One of its main legacies is the Municipal "
                "Development and Decentralisation Support Centre."
            ),
            "fr": (
                "Programme mis en œuvre par le bureau régional Afrique du Nord et Moyen-Orient de "
                "VNG International avec Democracy Reporting International, financé par l'Union "
                "européenne et le ministère néerlandais des Affaires étrangères, qui a travaillé "
                "avec le ministère libyen du Gouvernement local pour améliorer les services "
                "municipaux et renforcer la transparence dans les municipalités libyennes. Il a "
                "notamment donné naissance au Centre de développement municipal et d'appui à la "
                "décentralisation."
            ),
        },
        "start": dt.date(2019, 4, 1),
        "end": dt.date(2022, 7, 31),
        "funders": ["eu", "nl-mfa"],
        "implementers": ["vng", "dri"],
        "municipalities": [
            "wadi-etba",
            "traghen",
            "al-sharqiya",
            "marada",
            "wadi-al-bawanis",
            "al-daraj",
            "gharyan",
        ],
        "components": [
            {
                "heading": {
                    "ar": "التدريب وبناء القدرات",
                    "en": "Training and capacity building",
                    "fr": "Formation et renforcement des capacités",
                },
                "text": {
                    "ar": (
                        "نظّم البرنامج، بالتنسيق مع وزارة الحكم المحلي، دورات تدريبية شملت عددًا "
                        "من البلديات الليبية، بهدف تطوير أداء الإدارة البلدية والارتقاء بجودة "
                        "الخدمات المقدّمة للمواطنين."
                    ),
                    "en": (
                        "In coordination with the Ministry of Local Government, the programme "
                        "delivered training across a number of Libyan municipalities to strengthen "
                        "municipal administration and the quality of services offered to citizens."
                    ),
                    "fr": (
                        "En coordination avec le ministère du Gouvernement local, le programme a "
                        "organisé des formations dans plusieurs municipalités libyennes afin de "
                        "renforcer l'administration municipale et la qualité des services rendus "
                        "aux citoyens."
                    ),
                },
            },
            {
                "heading": {
                    "ar": "دراسات قطاعية وجلسات حوار",
                    "en": "Sector studies and dialogue",
                    "fr": "Études sectorielles et dialogue",
                },
                "text": {
                    "ar": (
                        "أعدّ البرنامج دراسات حول جمع النفايات والمالية المحلية والنقل والصحة "
                        "والحرس البلدي، ثم نظّم جلسات حوار لمناقشة توصياتها مع البلديات والجهات "
                        "المعنية."
                    ),
                    "en": (
                        "The programme produced studies on waste collection, local finance, "
                        "transport, health and the municipal guard, then held dialogue sessions to "
                        "discuss their recommendations with municipalities and other stakeholders."
                    ),
                    "fr": (
                        "Le programme a réalisé des études sur la collecte des déchets, les "
                        "finances locales, les transports, la santé et la garde municipale, puis "
                        "organisé des sessions de dialogue pour en débattre les recommandations "
                        "avec les municipalités et les acteurs concernés."
                    ),
                },
            },
            {
                "heading": {
                    "ar": "مركز تطوير البلديات ودعم اللامركزية",
                    "en": "The Municipal Development and Decentralisation Support Centre",
                    "fr": "Le Centre de développement municipal et d'appui à la décentralisation",
                },
                "text": {
                    "ar": (
                        "أسهم البرنامج في إنشاء المركز مستلهمًا التجربة التونسية التي اطّلع عليها "
                        "المشاركون خلال زيارات ميدانية، ودعم برنامجًا لتدريب المدربين في الحوكمة "
                        "المحلية وتعليم الكبار والمشاركة المجتمعية."
                    ),
                    "en": (
                        "The programme helped set up the Centre, drawing on Tunisia's experience "
                        "observed during field visits, and supported training of trainers in local "
                        "governance, adult education and community participation."
                    ),
                    "fr": (
                        "Le programme a contribué à la création du Centre, en s'inspirant de "
                        "l'expérience tunisienne découverte lors de visites de terrain, et a "
                        "appuyé la formation de formateurs en gouvernance locale, en éducation des "
                        "adultes et en participation communautaire."
                    ),
                },
            },
            {
                "heading": {
                    "ar": "مشاريع نموذجية في البلديات",
                    "en": "Pilot projects in municipalities",
                    "fr": "Projets pilotes dans les municipalités",
                },
                "text": {
                    "ar": (
                        "نُفّذت مشاريع نموذجية في بلديات شريكة، شملت خططًا بلدية لإدارة النفايات "
                        "كما في وادي عتبة، ومركزًا لتدريب النساء والأطفال والشباب في تراغن، وحدائق "
                        "عامة في الشرقية ومرادة، ومكاتب لخدمة المواطنين في وادي البوانيس والدرج "
                        "وغريان."
                    ),
                    "en": (
                        "Pilot projects in partner municipalities included municipal "
                        "waste-management plans, for example in Wadi Etba; a training centre for "
                        "women, children and youth in Traghen; public gardens in Al-Sharqiya and "
                        "Marada; and citizen service offices in Wadi al-Bawanis, Al-Daraj and "
                        "Gharyan."
                    ),
                    "fr": (
                        "Les projets pilotes menés dans les municipalités partenaires comprennent "
                        "des plans municipaux de gestion des déchets, notamment à Wadi Etba ; un "
                        "centre de formation pour les femmes, les enfants et les jeunes à Traghen "
                        "; des jardins publics à Al-Sharqiya et à Marada ; et des bureaux de "
                        "services aux citoyens à Wadi al-Bawanis, Al-Daraj et Gharyan."
                    ),
                },
            },
            {
                "heading": {
                    "ar": "دعم الهياكل البلدية ومواجهة الجائحة",
                    "en": "Support to municipal bodies and the pandemic response",
                    "fr": "Appui aux structures municipales et réponse à la pandémie",
                },
                "text": {
                    "ar": (
                        "دعم البرنامج رابطة المجالس البلدية وشبكة النساء المنتخبات، وأسهم في إعداد "
                        "ستة مواثيق بلدية. وخلال جائحة كوفيد-19 أطلق منصة للرد على استفسارات "
                        "البلديات، ووفّر تجهيزات للبلديات الشريكة."
                    ),
                    "en": (
                        "The programme supported the League of Municipal Councils and the Network "
                        "of Elected Women and contributed to six municipal charters. During the "
                        "COVID-19 pandemic it set up a platform answering municipalities' "
                        "questions and provided equipment to partner municipalities."
                    ),
                    "fr": (
                        "Le programme a soutenu la Ligue des conseils municipaux et le Réseau des "
                        "femmes élues, et contribué à l'élaboration de six chartes municipales. "
                        "Pendant la pandémie de COVID-19, il a mis en place une plateforme "
                        "répondant aux questions des municipalités et fourni des équipements aux "
                        "municipalités partenaires."
                    ),
                },
            },
        ],
        "results": {
            "ar": [
                (
                    "إنشاء مركز تطوير البلديات ودعم اللامركزية وتأهيل مدربين في الحوكمة المحلية "
                    "وتعليم الكبار والمشاركة المجتمعية."
                ),
                "إعداد خطط بلدية لإدارة النفايات، من بينها خطة بلدية وادي عتبة.",
                "مركز لتدريب النساء والأطفال والشباب في تراغن، وحدائق عامة في الشرقية ومرادة.",
                "مكاتب لخدمة المواطنين في وادي البوانيس والدرج وغريان.",
                "ستة مواثيق بلدية، وجلسات حوار حول توصيات الدراسات القطاعية.",
                "منصة للرد على استفسارات البلديات خلال جائحة كوفيد-19، وتجهيزات للبلديات الشريكة.",
            ],
            "en": [
                (
                    "The Municipal Development and Decentralisation Support Centre set up, with "
                    "trainers prepared in local governance, adult education and community "
                    "participation."
                ),
                "Municipal waste-management plans, including one for Wadi Etba.",
                (
                    "A training centre for women, children and youth in Traghen, and public "
                    "gardens in Al-Sharqiya and Marada."
                ),
                "Citizen service offices in Wadi al-Bawanis, Al-Daraj and Gharyan.",
                (
                    "Six municipal charters, and dialogue sessions on the recommendations of the "
                    "sector studies."
                ),
                (
                    "A platform answering municipalities' questions during COVID-19, and equipment "
                    "for partner municipalities."
                ),
            ],
            "fr": [
                (
                    "Création du Centre de développement municipal et d'appui à la "
                    "décentralisation et formation de formateurs en gouvernance locale, en "
                    "éducation des adultes et en participation communautaire."
                ),
                "Plans municipaux de gestion des déchets, dont celui de Wadi Etba.",
                (
                    "Un centre de formation pour les femmes, les enfants et les jeunes à Traghen, "
                    "et des jardins publics à Al-Sharqiya et à Marada."
                ),
                "Des bureaux de services aux citoyens à Wadi al-Bawanis, Al-Daraj et Gharyan.",
                (
                    "Six chartes municipales et des sessions de dialogue sur les recommandations "
                    "des études sectorielles."
                ),
                (
                    "Une plateforme répondant aux questions des municipalités pendant la COVID-19 "
                    "et des équipements pour les municipalités partenaires."
                ),
            ],
        },
    },
    {
        "key": "taqarub",
        "title": {"ar": "مشروع «تقارب»", "en": "The Taqarub project", "fr": "Le projet Taqarub"},
        "lead": {
            "ar": (
                "مشروع ممول من الوكالة الأمريكية للتنمية الدولية يعمل مع البلديات الليبية بالتعاون "
                "مع وزارة الحكم المحلي بحكومة الوحدة الوطنية، ومن أبرز أنشطته مؤتمر الشراكة بين "
                "بلدية غدامس وتينلي بارك بولاية إلينوي الأمريكية."
            ),
            "en": (
                "A USAID-funded project working with Libyan municipalities together with the "
                "Ministry of Local Government of the Government of National Unity. Its activities "
                "include a conference on the partnership between Ghadames and Tinley Park, "
                "Illinois."
            ),
            "fr": (
                "Projet financé par l'USAID qui travaille avec les municipalités libyennes, en "
                "lien avec le ministère du Gouvernement local du gouvernement d'union nationale. "
                "Il a notamment organisé une conférence sur le partenariat entre Ghadamès et "
                "Tinley Park, dans l'Illinois."
            ),
        },
        "start": dt.date(2021, 1, 1),
        "end": dt.date(2025, 12, 31),
        "funders": ["usaid"],
        "implementers": [],
        "municipalities": ["ghadames"],
        "components": [
            {
                "heading": {
                    "ar": "التوأمة بين غدامس وتينلي بارك",
                    "en": "Ghadames – Tinley Park twinning",
                    "fr": "Jumelage Ghadamès – Tinley Park",
                },
                "text": {
                    "ar": (
                        "نظّم المشروع مؤتمرًا امتد ثلاثة أيام حول الشراكة بين بلدية غدامس وتينلي "
                        "بارك بولاية إلينوي في الولايات المتحدة، بمشاركة وزارة الحكم المحلي "
                        "والمجلس الأعلى للإدارة المحلية."
                    ),
                    "en": (
                        "The project held a three-day conference on the partnership between the "
                        "municipality of Ghadames and Tinley Park, Illinois, in the United States, "
                        "with the Ministry of Local Government and the Supreme Council for Local "
                        "Administration."
                    ),
                    "fr": (
                        "Le projet a organisé une conférence de trois jours sur le partenariat "
                        "entre la municipalité de Ghadamès et Tinley Park, dans l'Illinois "
                        "(États-Unis), avec le ministère du Gouvernement local et le Haut Conseil "
                        "de l'administration locale."
                    ),
                },
            },
            {
                "heading": {
                    "ar": "الإدارة البلدية والموارد المحلية",
                    "en": "Municipal management and local resources",
                    "fr": "Gestion municipale et ressources locales",
                },
                "text": {
                    "ar": (
                        "تناول تبادل الخبرات السياسات والتشريعات المنظمة للعمل البلدي، "
                        "واستراتيجيات الإيرادات المحلية، والحرس البلدي، ودور الوكيل البلدي، وأرشفة "
                        "البيانات وحفظها."
                    ),
                    "en": (
                        "The exchange covered the policies and legislation governing municipal "
                        "work, local revenue strategies, the municipal guard, the role of the "
                        "municipal agent, and archiving and data preservation."
                    ),
                    "fr": (
                        "Les échanges ont porté sur les politiques et la législation encadrant "
                        "l'action municipale, les stratégies de recettes locales, la garde "
                        "municipale, le rôle de l'agent municipal, ainsi que l'archivage et la "
                        "conservation des données."
                    ),
                },
            },
            {
                "heading": {
                    "ar": "البيئة والعمران والاستعداد للكوارث",
                    "en": "Environment, urban planning and disaster preparedness",
                    "fr": "Environnement, urbanisme et préparation aux catastrophes",
                },
                "text": {
                    "ar": (
                        "شملت المحاور الإصحاح البيئي والتخطيط العمراني والاستعداد للكوارث "
                        "والاستجابة السريعة لها."
                    ),
                    "en": (
                        "Themes included environmental sanitation, urban planning, and disaster "
                        "preparedness and rapid response."
                    ),
                    "fr": (
                        "Les thèmes abordés comprenaient l'assainissement environnemental, "
                        "l'urbanisme, ainsi que la préparation aux catastrophes et la réponse "
                        "rapide."
                    ),
                },
            },
            {
                "heading": {
                    "ar": "المشاركة والإدماج",
                    "en": "Participation and inclusion",
                    "fr": "Participation et inclusion",
                },
                "text": {
                    "ar": (
                        "ركّز المشروع على المشاركة المجتمعية، وتنسيق عمل المجتمع المدني، والقيادة "
                        "الشبابية وفرص العمل للشباب، وتمكين المرأة، والخدمات المقدّمة للأشخاص ذوي "
                        "الإعاقة، وبناء القدرات."
                    ),
                    "en": (
                        "The project gave attention to community participation, civil-society "
                        "coordination, youth leadership and jobs for young people, women's "
                        "empowerment, services for people with disabilities, and capacity building."
                    ),
                    "fr": (
                        "Le projet a mis l'accent sur la participation communautaire, la "
                        "coordination de la société civile, le leadership des jeunes et leur "
                        "emploi, l'autonomisation des femmes, les services destinés aux personnes "
                        "handicapées et le renforcement des capacités."
                    ),
                },
            },
        ],
        "results": {
            "ar": [
                "مؤتمر توأمة على مدى ثلاثة أيام بين غدامس وتينلي بارك بمشاركة وزارة الحكم المحلي.",
                (
                    "تبادل الخبرات في الإصحاح البيئي والإيرادات المحلية والتخطيط العمراني "
                    "والاستعداد للكوارث."
                ),
                (
                    "إبراز قضايا المشاركة المجتمعية وتمكين المرأة والقيادة الشبابية وخدمات ذوي "
                    "الإعاقة في العمل البلدي."
                ),
                (
                    "تأكيد أهمية التنسيق بين الجهات المانحة وتفادي الازدواجية في البرامج الموجهة "
                    "إلى البلديات."
                ),
            ],
            "en": [
                (
                    "A three-day twinning conference between Ghadames and Tinley Park with the "
                    "Ministry of Local Government."
                ),
                (
                    "Exchange of experience on environmental sanitation, local revenues, urban "
                    "planning and disaster preparedness."
                ),
                (
                    "Community participation, women's empowerment, youth leadership and disability "
                    "services placed on the municipal agenda."
                ),
                (
                    "Emphasis on coordination among donors to avoid duplicating programmes for "
                    "municipalities."
                ),
            ],
            "fr": [
                (
                    "Une conférence de jumelage de trois jours entre Ghadamès et Tinley Park, avec "
                    "le ministère du Gouvernement local."
                ),
                (
                    "Des échanges d'expérience sur l'assainissement environnemental, les recettes "
                    "locales, l'urbanisme et la préparation aux catastrophes."
                ),
                (
                    "La participation communautaire, l'autonomisation des femmes, le leadership "
                    "des jeunes et les services aux personnes handicapées inscrits à l'agenda "
                    "municipal."
                ),
                (
                    "L'accent mis sur la coordination entre bailleurs pour éviter les doublons "
                    "dans les programmes destinés aux municipalités."
                ),
            ],
        },
    },
]

# News articles. Arabic is the source language; articles published only in Arabic carry
# only the "ar" key in tags/title/lead/body.
NEWS = [
    {
        "key": "think-tank-closing-tunis",
        "date": dt.date(2022, 7, 27),
        "programme": "isal",
        "partners": ["vng", "dri", "eu", "nl-mfa", "ly-mlg"],
        "municipalities": [
            "wadi-etba",
            "traghen",
            "al-sharqiya",
            "marada",
            "wadi-al-bawanis",
            "al-daraj",
            "gharyan",
        ],
        "tags": {
            "ar": ["إيصال", "مجموعة التفكير", "الحوكمة المحلية", "ليبيا"],
            "en": ["Isal", "Think tank", "Local governance", "Libya"],
            "fr": ["Isal", "Groupe de réflexion", "Gouvernance locale", "Libye"],
        },
        "title": {
            "ar": "اختتام أعمال مجموعة التفكير بليبيا في تونس مع نهاية برنامج «إيصال»",
            "en": "Libya think-tank group closes its work in Tunis as the Isal programme ends",
            "fr": (
                "Le groupe de réflexion sur la Libye clôt ses travaux à Tunis, au terme du "
                "programme Isal"
            ),
        },
        "lead": {
            "ar": (
                "اختتمت مجموعة التفكير بليبيا حول التخطيط الاستراتيجي المحلي والتشاركية والإدارة "
                "البلدية وإدارة النفايات أعمالها في تونس العاصمة، في جلسة تزامنت مع نهاية برنامج "
                "«إيصال» بعد أكثر من ثلاث سنوات من العمل إلى جانب البلديات الليبية."
            ),
            "en": (
                "The think-tank group on Libya devoted to local strategic planning, participation, "
                "municipal management and waste management held its closing session in Tunis, "
                "marking the end of the Isal programme after more than three years of work "
                "alongside Libyan municipalities."
            ),
            "fr": (
                "Le groupe de réflexion sur la Libye consacré à la planification stratégique "
                "locale, à la participation, à la gestion municipale et à la gestion des déchets a "
                "tenu sa séance de clôture à Tunis, marquant la fin du programme Isal après plus "
                "de trois ans d'action aux côtés des municipalités libyennes."
            ),
        },
        "body": {
            "ar": [
                (
                    "احتضنت تونس العاصمة يوم الأربعاء 27 يوليو 2022 الجلسة الختامية لمجموعة "
                    "التفكير بليبيا حول التخطيط الاستراتيجي المحلي والتشاركية والإدارة البلدية "
                    "وإدارة النفايات، بمشاركة عمداء بلديات ليبية وممثلين عن منظمات المجتمع المدني "
                    "والجهات الحكومية."
                ),
                (
                    "وتزامنت الجلسة مع اختتام برنامج «إيصال» لتطوير الخدمات المحلية وترسيخ "
                    "الشفافية على المستوى المحلي، الذي نفّذه المكتب الإقليمي لشمال أفريقيا والشرق "
                    "الأوسط التابع للوكالة الدولية لجمعية البلديات الهولندية (VNG International) "
                    "بالشراكة مع منظمة تقارير الديمقراطية الدولية، بتمويل من الاتحاد الأوروبي "
                    "ووزارة الخارجية الهولندية، خلال الفترة الممتدة من أبريل 2019 إلى يوليو 2022."
                ),
                (
                    "وعلى امتداد هذه الفترة، عمل البرنامج جنبًا إلى جنب مع وزارة الحكم المحلي، "
                    "فنظّم دورات تدريبية شملت عددًا من البلديات، وأعدّ دراسات حول جمع النفايات "
                    "والمالية المحلية والنقل والصحة والحرس البلدي، أعقبتها جلسات حوار لمناقشة "
                    "توصياتها."
                ),
                (
                    "ومن أبرز ما أثمر عنه البرنامج إنشاء مركز تطوير البلديات ودعم اللامركزية، الذي "
                    "استُلهم تصميمه من التجربة التونسية عبر زيارات ميدانية، وأُطلق في إطاره برنامج "
                    "لتدريب المدربين في مجالات الحوكمة المحلية وتعليم الكبار والمشاركة المجتمعية."
                ),
                (
                    "كما نفّذ البرنامج مشاريع نموذجية في عدد من البلديات، منها خطط لإدارة النفايات "
                    "كما في بلدية وادي عتبة، ومركز لتدريب النساء والأطفال والشباب في تراغن، وحدائق "
                    "عامة في الشرقية ومرادة، ومكاتب لخدمة المواطنين في وادي البوانيس والدرج وغريان."
                ),
                (
                    "ودعم البرنامج كذلك رابطة المجالس البلدية وشبكة النساء المنتخبات، وأسهم في "
                    "إعداد ستة مواثيق بلدية، فيما أطلق خلال جائحة كوفيد-19 منصة للرد على استفسارات "
                    "البلديات، ووفّر تجهيزات للبلديات الشريكة."
                ),
            ],
            "en": [
                (
                    "On Wednesday 27 July 2022, Tunis hosted the closing session of the think-tank "
                    "group on Libya on local strategic planning, participation, municipal "
                    "management and waste management. Libyan mayors took part alongside "
                    "representatives of civil society and government bodies."
                ),
                (
                    "The session coincided with the end of Isal, a programme for developing local "
                    "services and anchoring transparency at local level. From April 2019 to July "
                    "2022 it was run by the North Africa and Middle East regional office of VNG "
                    "International, the international cooperation agency of the Association of "
                    "Netherlands Municipalities, together with Democracy Reporting International, "
                    "and funded by the European Union and the Netherlands Ministry of Foreign "
                    "Affairs."
                ),
                (
                    "Throughout, the programme worked hand in hand with Libya's Ministry of Local "
                    "Government. It delivered training across a number of municipalities and "
                    "produced studies on waste collection, local finance, transport, health and "
                    "the municipal guard, whose recommendations were then discussed in dialogue "
                    "sessions."
                ),
                (
                    "One of its main legacies is the Municipal Development and Decentralisation "
                    "Support Centre. Its design drew on Tunisia's experience, observed during "
                    "field visits, and it launched a training-of-trainers programme in local "
                    "governance, adult education and community participation."
                ),
                (
                    "Isal also delivered pilot projects: municipal waste-management plans, for "
                    "example in Wadi Etba; a training centre for women, children and youth in "
                    "Traghen; public gardens in Al-Sharqiya and Marada; and citizen service "
                    "offices in Wadi al-Bawanis, Al-Daraj and Gharyan."
                ),
                (
                    "The programme further supported the League of Municipal Councils and the "
                    "Network of Elected Women and contributed to six municipal charters. During "
                    "the COVID-19 pandemic it set up a platform answering municipalities' "
                    "questions and provided equipment to partner municipalities."
                ),
            ],
            "fr": [
                (
                    "Le mercredi 27 juillet 2022, Tunis a accueilli la séance de clôture du groupe "
                    "de réflexion sur la Libye consacré à la planification stratégique locale, à "
                    "la participation, à la gestion municipale et à la gestion des déchets. Des "
                    "maires libyens y ont pris part, aux côtés de représentants de la société "
                    "civile et d'institutions gouvernementales."
                ),
                (
                    "Cette séance coïncidait avec l'achèvement d'Isal, programme de développement "
                    "des services locaux et d'ancrage de la transparence au niveau local. Mis en "
                    "œuvre d'avril 2019 à juillet 2022 par le bureau régional Afrique du Nord et "
                    "Moyen-Orient de VNG International, l'agence de coopération internationale de "
                    "l'Association des communes néerlandaises, en partenariat avec Democracy "
                    "Reporting International, il était financé par l'Union européenne et le "
                    "ministère néerlandais des Affaires étrangères."
                ),
                (
                    "Tout au long de sa mise en œuvre, le programme a travaillé en étroite "
                    "collaboration avec le ministère libyen du Gouvernement local. Il a organisé "
                    "des formations dans plusieurs municipalités et réalisé des études sur la "
                    "collecte des déchets, les finances locales, les transports, la santé et la "
                    "garde municipale, dont les recommandations ont ensuite été débattues lors de "
                    "sessions de dialogue."
                ),
                (
                    "Parmi ses principaux acquis figure le Centre de développement municipal et "
                    "d'appui à la décentralisation, conçu en s'inspirant de l'expérience "
                    "tunisienne découverte lors de visites de terrain. Un programme de formation "
                    "de formateurs en gouvernance locale, en éducation des adultes et en "
                    "participation communautaire y a été lancé."
                ),
                (
                    "Isal a également mené des projets pilotes : des plans municipaux de gestion "
                    "des déchets, notamment à Wadi Etba ; un centre de formation pour les femmes, "
                    "les enfants et les jeunes à Traghen ; des jardins publics à Al-Sharqiya et à "
                    "Marada ; et des bureaux de services aux citoyens à Wadi al-Bawanis, Al-Daraj "
                    "et Gharyan."
                ),
                (
                    "Le programme a en outre soutenu la Ligue des conseils municipaux et le Réseau "
                    "des femmes élues, et contribué à l'élaboration de six chartes municipales. "
                    "Pendant la pandémie de COVID-19, il a mis en place une plateforme répondant "
                    "aux questions des municipalités et fourni des équipements aux municipalités "
                    "partenaires."
                ),
            ],
        },
    },
    {
        "key": "ghadames-tinley-park-conference",
        "date": dt.date(2022, 5, 24),
        "programme": "taqarub",
        "partners": ["usaid", "ly-mlg", "ly-supreme-council"],
        "municipalities": ["ghadames"],
        "tags": {
            "ar": ["تقارب", "التوأمة", "غدامس", "العمل البلدي"],
            "en": ["Taqarub", "Twinning", "Ghadames", "Municipal work"],
            "fr": ["Taqarub", "Jumelage", "Ghadamès", "Action municipale"],
        },
        "title": {
            "ar": "مؤتمر على مدى ثلاثة أيام يعزّز الشراكة بين غدامس وتينلي بارك الأمريكية",
            "en": "Three-day conference strengthens the Ghadames – Tinley Park partnership",
            "fr": (
                "Une conférence de trois jours renforce le partenariat entre Ghadamès et Tinley "
                "Park"
            ),
        },
        "lead": {
            "ar": (
                "نظّم مشروع «تقارب» الممول من الوكالة الأمريكية للتنمية الدولية مؤتمرًا استمر "
                "ثلاثة أيام حول الشراكة بين بلدية غدامس وتينلي بارك بولاية إلينوي الأمريكية، "
                "بمشاركة وزارة الحكم المحلي بحكومة الوحدة الوطنية."
            ),
            "en": (
                "The USAID-funded Taqarub project held a three-day conference on the partnership "
                "between the Libyan municipality of Ghadames and Tinley Park, Illinois, with "
                "Libya's Ministry of Local Government of the Government of National Unity."
            ),
            "fr": (
                "Le projet Taqarub, financé par l'USAID, a organisé une conférence de trois jours "
                "sur le partenariat entre la municipalité libyenne de Ghadamès et Tinley Park, "
                "dans l'Illinois, avec le ministère libyen du Gouvernement local du gouvernement "
                "d'union nationale."
            ),
        },
        "body": {
            "ar": [
                (
                    "نظّم مشروع «تقارب»، الممول من الوكالة الأمريكية للتنمية الدولية، مؤتمر توأمة "
                    "امتدت أعماله ثلاثة أيام، وخُصّص للشراكة بين بلدية غدامس وتينلي بارك بولاية "
                    "إلينوي في الولايات المتحدة الأمريكية، وذلك بالتعاون مع وزارة الحكم المحلي "
                    "بحكومة الوحدة الوطنية."
                ),
                (
                    "وتناولت جلسات المؤتمر طيفًا واسعًا من قضايا العمل البلدي، في مقدمتها السياسات "
                    "والتشريعات المنظمة له، والإصحاح البيئي، واستراتيجيات الإيرادات المحلية، "
                    "والحرس البلدي، ودور الوكيل البلدي، إضافة إلى الاستعداد للكوارث والاستجابة "
                    "السريعة لها."
                ),
                (
                    "كما ناقش المشاركون سبل تعزيز المشاركة المجتمعية والتنسيق بين منظمات المجتمع "
                    "المدني، وتنمية القيادات الشبابية وتوفير فرص العمل للشباب، وتمكين المرأة، "
                    "وتحسين الخدمات المقدّمة للأشخاص ذوي الإعاقة، فضلًا عن التخطيط العمراني وأرشفة "
                    "البيانات وحفظها وبناء القدرات."
                ),
                (
                    "وشهد المؤتمر كلمتين لأحد نواب مدير الوكالة الأمريكية للتنمية الدولية ولنائب "
                    "الأمين العام للمجلس الأعلى للإدارة المحلية، فيما شدّدت وزارة الحكم المحلي على "
                    "ضرورة التنسيق بين الجهات المانحة وتفادي الازدواجية في البرامج الموجهة إلى "
                    "البلديات."
                ),
            ],
            "en": [
                (
                    "The Taqarub project, funded by USAID, organised a three-day twinning "
                    "conference devoted to the partnership between the municipality of Ghadames "
                    "and Tinley Park, Illinois, in the United States, in cooperation with Libya's "
                    "Ministry of Local Government of the Government of National Unity."
                ),
                (
                    "The sessions covered a wide range of municipal issues, starting with the "
                    "policies and legislation that govern municipal work, environmental "
                    "sanitation, local revenue strategies, the municipal guard and the role of the "
                    "municipal agent, as well as disaster preparedness and rapid response."
                ),
                (
                    "Participants also discussed how to strengthen community participation and "
                    "coordination among civil-society organisations, develop youth leadership and "
                    "jobs for young people, empower women and improve services for people with "
                    "disabilities, along with urban planning, archiving and data preservation, and "
                    "capacity building."
                ),
                (
                    "A USAID deputy administrator and the deputy secretary-general of the Supreme "
                    "Council for Local Administration addressed the conference. The Ministry of "
                    "Local Government stressed the need for donors to coordinate and avoid "
                    "duplicating programmes aimed at municipalities."
                ),
            ],
            "fr": [
                (
                    "Le projet Taqarub, financé par l'USAID, a organisé une conférence de jumelage "
                    "de trois jours consacrée au partenariat entre la municipalité de Ghadamès et "
                    "Tinley Park, dans l'Illinois (États-Unis), en coopération avec le ministère "
                    "libyen du Gouvernement local du gouvernement d'union nationale."
                ),
                (
                    "Les séances ont couvert un large éventail de questions municipales, à "
                    "commencer par les politiques et la législation qui encadrent l'action "
                    "municipale, l'assainissement environnemental, les stratégies de recettes "
                    "locales, la garde municipale et le rôle de l'agent municipal, ainsi que la "
                    "préparation aux catastrophes et la réponse rapide."
                ),
                (
                    "Les participants ont également débattu des moyens de renforcer la "
                    "participation communautaire et la coordination entre organisations de la "
                    "société civile, de développer le leadership des jeunes et leur emploi, "
                    "d'autonomiser les femmes et d'améliorer les services destinés aux personnes "
                    "handicapées, sans oublier l'urbanisme, l'archivage et la conservation des "
                    "données, et le renforcement des capacités."
                ),
                (
                    "Un administrateur adjoint de l'USAID et le secrétaire général adjoint du Haut "
                    "Conseil de l'administration locale ont pris la parole. Le ministère du "
                    "Gouvernement local a insisté sur la nécessité pour les bailleurs de se "
                    "coordonner et d'éviter les doublons dans les programmes destinés aux "
                    "municipalités."
                ),
            ],
        },
    },
    {
        "key": "local-development-plans-workshop",
        "date": dt.date(2021, 3, 9),
        "programme": None,
        "partners": [
            "tn-decentralisation-authority",
            "tn-mala",
            "undp",
            "ilo",
            "giz",
            "cilg-vng",
            "fntc",
        ],
        "municipalities": [],
        "tags": {
            "ar": ["اللامركزية", "التنمية المحلية", "تونس"],
            "en": ["Decentralisation", "Local development", "Tunisia"],
        },
        "title": {
            "ar": "ورشة عمل لتوحيد منهجيات إعداد مخططات التنمية المحلية في تونس",
            "en": "Workshop seeks common methods for local development plans in Tunisia",
        },
        "lead": {
            "ar": (
                "جمعت الهيئة العامة للاستشراف ومرافقة المسار اللامركزي شركاءها الدوليين في ورشة "
                "عمل لمقارنة منهجيات إعداد استراتيجيات المدن ومخططات التنمية المحلية التشاركية، "
                "خلصت إلى توصيات لتوحيد هذه المنهجيات لفائدة البلديات."
            ),
            "en": (
                "Tunisia's General Authority for Foresight and Support of the Decentralisation "
                "Process brought its international partners together to compare methods for city "
                "strategies and participatory local development plans, and agreed on steps towards "
                "a common approach for municipalities."
            ),
        },
        "body": {
            "ar": [
                (
                    "انتظمت يوم الثلاثاء 9 مارس 2021 ورشة عمل نظّمتها الهيئة العامة للاستشراف "
                    "ومرافقة المسار اللامركزي التابعة لوزارة الشؤون المحلية والبيئة، برئاسة رئيس "
                    "الهيئة السيد منذر بوسنينة، وبمشاركة برنامج الأمم المتحدة الإنمائي ومنظمة "
                    "العمل الدولية والوكالة الألمانية للتعاون الدولي (GIZ) والمركز الدولي للحوكمة "
                    "المحلية (CILG-VNG International)."
                ),
                (
                    "وخُصّصت الورشة لعرض المنهجيات التي يعتمدها كل شريك في إعداد استراتيجيات المدن "
                    "ومخططات التنمية المحلية التشاركية، ومقارنتها للوقوف على مواطن التقاطع "
                    "والاختلاف بينها."
                ),
                (
                    "وأوصى المشاركون بتشكيل أربعة فرق عمل تُعنى على التوالي بمراحل التشخيص "
                    "والتخطيط والتنفيذ والمتابعة والتقييم، وتتولى توحيد المنهجيات المعتمدة وصياغة "
                    "دليل موجّه إلى البلديات."
                ),
                (
                    "وشدّدت التوصيات على أن يراعي هذا الدليل مبادئ التدبير الحر والمشاركة والحوكمة "
                    "المفتوحة، وعلى ضرورة التنسيق في هذا الشأن مع الجامعة الوطنية للبلديات "
                    "التونسية."
                ),
            ],
            "en": [
                (
                    "On Tuesday 9 March 2021, the General Authority for Foresight and Support of "
                    "the Decentralisation Process, part of the Ministry of Local Affairs and "
                    "Environment, held a workshop chaired by its president, Mondher Bousnina, with "
                    "UNDP, the ILO, GIZ and CILG-VNG International."
                ),
                (
                    "The workshop set out the methods each partner uses to prepare city strategies "
                    "and participatory local development plans, and compared them to identify "
                    "where they converge and where they differ."
                ),
                (
                    "Participants recommended setting up four teams, covering diagnosis, planning, "
                    "implementation, and monitoring and evaluation respectively, to unify the "
                    "methods in use and write a guide for municipalities."
                ),
                (
                    "The recommendations specify that the guide should respect the principles of "
                    "free administration, participation and open governance, and that the work "
                    "should be coordinated with the National Federation of Tunisian Municipalities."
                ),
            ],
        },
    },
    {
        "key": "djibouti-minister-visit",
        "date": dt.date(2022, 2, 14),
        "programme": None,
        "partners": ["ly-mlg", "dj-decentralisation", "ly-supreme-council"],
        "municipalities": ["tripoli"],
        "tags": {"ar": ["اللامركزية", "التعاون الدولي", "جيبوتي", "التحول الرقمي"]},
        "title": {"ar": "وزير الحكم المحلي يستقبل وزير اللامركزية الجيبوتي ويبحثان تبادل الخبرات"},
        "lead": {
            "ar": (
                "استقبل وزير الحكم المحلي بدر الدين التومي وزيرَ اللامركزية بجمهورية جيبوتي قاسم "
                "هارون، وبحث الجانبان آفاق التعاون وتبادل المعارف في مجالي الحكم المحلي "
                "واللامركزية."
            ),
        },
        "body": {
            "ar": [
                (
                    "استقبل وزير الحكم المحلي السيد بدر الدين التومي، يوم الاثنين 14 فبراير 2022 "
                    "في طرابلس، وزيرَ اللامركزية بجمهورية جيبوتي السيد قاسم هارون، بحضور الأمين "
                    "العام للمجلس الأعلى للإدارة المحلية السيد نصر المحتوت."
                ),
                (
                    "وتناول اللقاء مسار التحول الرقمي الذي تعمل عليه الوزارة، والخدمات الإلكترونية "
                    "التي يُرتقب إطلاقها قريبًا لتيسير حصول المواطنين على الخدمات، إلى جانب "
                    "الأحكام الخاصة التي تنظّم عمل بلديات العاصمة."
                ),
                (
                    "من جانبه، استعرض الوزير الجيبوتي مسار اللامركزية في بلاده، إذ انتقل الإشراف "
                    "على هذا الملف من وزارة الداخلية إلى كتابة دولة، ثم إلى وزارة قائمة بذاتها، "
                    "كما عرّف بتجربة الشباك الموحد المعتمد في جيبوتي لتقديم الخدمات للمواطنين."
                ),
                (
                    "وفي ختام اللقاء، بحث الجانبان إبرام اتفاقية تعاون تتيح تبادل المعارف والخبرات "
                    "بين البلدين في مجالي الحكم المحلي واللامركزية."
                ),
            ],
        },
    },
    {
        "key": "exchange-platforms-launch",
        "date": dt.date(2019, 9, 19),
        "programme": None,
        "partners": ["apla", "giz"],
        "municipalities": [],
        "tags": {"ar": ["تبادل الخبرات", "الهيئات المحلية", "فلسطين"]},
        "title": {"ar": "الاتحاد الفلسطيني للهيئات المحلية يستعد لإطلاق خمس منصات لتبادل الخبرات"},
        "lead": {
            "ar": (
                "أنجز الاتحاد الفلسطيني للهيئات المحلية، بالتعاون مع برنامج إصلاح الحكم المحلي "
                "التابع للوكالة الألمانية للتعاون الدولي (GIZ)، تصميم المرحلة الثانية من منصات "
                "تبادل الخبرات، تمهيدًا لإطلاق خمس منصات متخصصة خلال الربع الأخير من عام 2019."
            ),
        },
        "body": {
            "ar": [
                (
                    "في إطار هدفه الاستراتيجي الرامي إلى تحسين الخدمات المقدّمة للمواطنين، صمّم "
                    "الاتحاد الفلسطيني للهيئات المحلية، بالشراكة مع برنامج إصلاح الحكم المحلي "
                    "التابع للوكالة الألمانية للتعاون الدولي (GIZ)، المرحلة الثانية من منصات تبادل "
                    "الخبرات، التي تسعى إلى تعميق معارف العاملين في الهيئات المحلية بالمواضيع "
                    "الفنية المستجدة، وبناء شبكات تواصل بينهم، ورفد أجندة الإصلاح الوطنية بأوراق "
                    "موقف."
                ),
                (
                    "وتنطلق المنصات الخمس خلال الربع الأخير من العام الجاري، ولكل منها خطة عمل "
                    "خاصة بها. وتُعنى منصة العلاقات العامة ببناء قدرات العاملين في هذا المجال، "
                    "وتطوير مهارات الاتصال والتشبيك، والاتصال الاستراتيجي، والاستراتيجيات "
                    "الإعلامية."
                ),
                (
                    "أما منصة الهندسة والتخطيط فتعمل على إعداد دليل للإدارة المهنية للمشاريع، "
                    "ودليل عام للهندسة والتخطيط، وتنظيم ورش عمل حول نظم المعلومات الجغرافية، إلى "
                    "جانب معالجة قضايا البناء والتخطيط في المناطق المصنفة «ج» ودمجها في المخططات "
                    "الهيكلية، وتخصيص حيز من عملها للهدف الحادي عشر من أهداف التنمية المستدامة."
                ),
                (
                    "وتركّز منصة المدراء الماليين على إعداد الموازنات والرقابة عليها، واستحداث "
                    "مصادر إيرادات جديدة، والتحليل المالي واحتساب التكاليف، والمشاريع الاستثمارية "
                    "بالشراكة مع القطاع الخاص."
                ),
                (
                    "وتستهدف منصة المجالس القروية رؤساء المجالس القروية في الضفة الغربية، وتُنظَّم "
                    "على أساس المناطق الجغرافية، لتتناول القدرات المالية والعلاقة مع المواطنين "
                    "ودراسات الجدوى وتحديات الأراضي والنفايات الصلبة."
                ),
                (
                    "وتتيح منصة الإبداع والابتكار للهيئات المحلية عرض مشاريعها المبتكرة وتبادلها، "
                    "والتعرّف على أدوات وأساليب جديدة ترفع كفاءة عملها."
                ),
            ],
        },
    },
]

# Events. outcomes are the recommendations or results; the last event is upcoming (2027),
# so its outcomes are empty.
EVENTS = [
    {
        "key": "think-tank-closing-session-tunis",
        "kind": "conference",
        "start": dt.datetime(2022, 7, 27, 9, 0),
        "end": dt.datetime(2022, 7, 27, 16, 0),
        "place": {"ar": "تونس العاصمة", "en": "Tunis", "fr": "Tunis"},
        "online_url": "",
        "programme": "isal",
        "partners": ["vng", "dri", "eu", "nl-mfa", "ly-mlg"],
        "municipalities": [
            "wadi-etba",
            "traghen",
            "al-sharqiya",
            "marada",
            "wadi-al-bawanis",
            "al-daraj",
            "gharyan",
        ],
        "title": {
            "ar": "الجلسة الختامية لمجموعة التفكير بليبيا",
            "en": "Closing session of the think-tank group on Libya",
            "fr": "Séance de clôture du groupe de réflexion sur la Libye",
        },
        "lead": {
            "ar": (
                "جلسة ختامية لمجموعة التفكير بليبيا حول التخطيط الاستراتيجي المحلي والتشاركية "
                "والإدارة البلدية وإدارة النفايات، جمعت عمداء بلديات ليبية وممثلين عن المجتمع "
                "المدني والجهات الحكومية، وتزامنت مع اختتام برنامج «إيصال»."
            ),
            "en": (
                "Closing session of the think-tank group on Libya on local strategic planning, "
                "participation, municipal management and waste management, bringing together "
                "Libyan mayors, civil society and government representatives as the Isal programme "
                "came to an end."
            ),
            "fr": (
                "Séance de clôture du groupe de réflexion sur la Libye consacré à la planification "
                "stratégique locale, à la participation, à la gestion municipale et à la gestion "
                "des déchets, réunissant des maires libyens, la société civile et des "
                "représentants gouvernementaux au terme du programme Isal."
            ),
        },
        "agenda": {
            "ar": [
                {"time": "09:00", "item": "استقبال المشاركين وتسجيلهم"},
                {"time": "09:30", "item": "افتتاح الجلسة الختامية"},
                {"time": "10:00", "item": "عرض حصيلة برنامج «إيصال» (أبريل 2019 – يوليو 2022)"},
                {
                    "time": "11:30",
                    "item": (
                        "نتائج الدراسات حول جمع النفايات والمالية المحلية والنقل والصحة والحرس "
                        "البلدي"
                    ),
                },
                {
                    "time": "13:30",
                    "item": (
                        "نقاش حول التخطيط الاستراتيجي المحلي والتشاركية والإدارة البلدية وإدارة "
                        "النفايات"
                    ),
                },
                {"time": "15:30", "item": "اختتام الأعمال"},
            ],
            "en": [
                {"time": "09:00", "item": "Arrival and registration"},
                {"time": "09:30", "item": "Opening of the closing session"},
                {"time": "10:00", "item": "Review of the Isal programme (April 2019 – July 2022)"},
                {
                    "time": "11:30",
                    "item": (
                        "Findings of the studies on waste collection, local finance, transport, "
                        "health and the municipal guard"
                    ),
                },
                {
                    "time": "13:30",
                    "item": (
                        "Discussion on local strategic planning, participation, municipal "
                        "management and waste management"
                    ),
                },
                {"time": "15:30", "item": "Close"},
            ],
            "fr": [
                {"time": "09:00", "item": "Accueil et inscription des participants"},
                {"time": "09:30", "item": "Ouverture de la séance de clôture"},
                {"time": "10:00", "item": "Bilan du programme Isal (avril 2019 – juillet 2022)"},
                {
                    "time": "11:30",
                    "item": (
                        "Résultats des études sur la collecte des déchets, les finances locales, "
                        "les transports, la santé et la garde municipale"
                    ),
                },
                {
                    "time": "13:30",
                    "item": (
                        "Débat sur la planification stratégique locale, la participation, la "
                        "gestion municipale et la gestion des déchets"
                    ),
                },
                {"time": "15:30", "item": "Clôture des travaux"},
            ],
        },
        "outcomes": {
            "ar": [
                "استعراض حصيلة برنامج «إيصال»، ومنها إنشاء مركز تطوير البلديات ودعم اللامركزية.",
                (
                    "عرض المشاريع النموذجية المنفذة في وادي عتبة وتراغن والشرقية ومرادة ووادي "
                    "البوانيس والدرج وغريان."
                ),
                (
                    "مناقشة توصيات الدراسات الخاصة بجمع النفايات والمالية المحلية والنقل والصحة "
                    "والحرس البلدي."
                ),
                (
                    "تبادل الرأي بين عمداء البلديات والمجتمع المدني والجهات الحكومية حول التخطيط "
                    "الاستراتيجي المحلي والتشاركية."
                ),
            ],
            "en": [
                (
                    "Review of what Isal achieved, including the founding of the Municipal "
                    "Development and Decentralisation Support Centre."
                ),
                (
                    "Presentation of the pilot projects in Wadi Etba, Traghen, Al-Sharqiya, "
                    "Marada, Wadi al-Bawanis, Al-Daraj and Gharyan."
                ),
                (
                    "Discussion of the study recommendations on waste collection, local finance, "
                    "transport, health and the municipal guard."
                ),
                (
                    "Exchange between mayors, civil society and government representatives on "
                    "local strategic planning and participation."
                ),
            ],
            "fr": [
                (
                    "Bilan du programme Isal, dont la création du Centre de développement "
                    "municipal et d'appui à la décentralisation."
                ),
                (
                    "Présentation des projets pilotes de Wadi Etba, Traghen, Al-Sharqiya, Marada, "
                    "Wadi al-Bawanis, Al-Daraj et Gharyan."
                ),
                (
                    "Examen des recommandations des études sur la collecte des déchets, les "
                    "finances locales, les transports, la santé et la garde municipale."
                ),
                (
                    "Échanges entre maires, société civile et représentants gouvernementaux sur la "
                    "planification stratégique locale et la participation."
                ),
            ],
        },
    },
    {
        "key": "ghadames-tinley-park-twinning-conference",
        "kind": "conference",
        "start": dt.datetime(2022, 5, 24, 9, 0),
        "end": dt.datetime(2022, 5, 26, 16, 0),
        "place": None,
        "online_url": "",
        "programme": "taqarub",
        "partners": ["usaid", "ly-mlg", "ly-supreme-council"],
        "municipalities": ["ghadames"],
        "title": {
            "ar": "مؤتمر التوأمة بين غدامس وتينلي بارك",
            "en": "Ghadames – Tinley Park twinning conference",
            "fr": "Conférence de jumelage Ghadamès – Tinley Park",
        },
        "lead": {
            "ar": (
                "مؤتمر على مدى ثلاثة أيام نظّمه مشروع «تقارب» حول الشراكة بين بلدية غدامس وتينلي "
                "بارك بولاية إلينوي الأمريكية، بمشاركة وزارة الحكم المحلي بحكومة الوحدة الوطنية."
            ),
            "en": (
                "A three-day conference organised by the Taqarub project on the partnership "
                "between the municipality of Ghadames and Tinley Park, Illinois, with Libya's "
                "Ministry of Local Government of the Government of National Unity."
            ),
            "fr": (
                "Conférence de trois jours organisée par le projet Taqarub sur le partenariat "
                "entre la municipalité de Ghadamès et Tinley Park (Illinois), avec le ministère "
                "libyen du Gouvernement local du gouvernement d'union nationale."
            ),
        },
        "agenda": {
            "ar": [
                {
                    "time": "09:00",
                    "item": (
                        "الجلسة الافتتاحية: كلمات وزارة الحكم المحلي والوكالة الأمريكية للتنمية "
                        "الدولية والمجلس الأعلى للإدارة المحلية"
                    ),
                },
                {
                    "time": "10:30",
                    "item": (
                        "السياسات والتشريعات المنظمة للعمل البلدي، واستراتيجيات الإيرادات المحلية، "
                        "والحرس البلدي ودور الوكيل البلدي"
                    ),
                },
                {
                    "time": "12:00",
                    "item": (
                        "الإصحاح البيئي والتخطيط العمراني والاستعداد للكوارث والاستجابة السريعة"
                    ),
                },
                {
                    "time": "14:00",
                    "item": (
                        "المشاركة المجتمعية وتنسيق عمل المجتمع المدني والقيادة الشبابية وفرص العمل "
                        "للشباب"
                    ),
                },
                {
                    "time": "15:00",
                    "item": (
                        "تمكين المرأة وخدمات الأشخاص ذوي الإعاقة والأرشفة وحفظ البيانات وبناء "
                        "القدرات"
                    ),
                },
            ],
            "en": [
                {
                    "time": "09:00",
                    "item": (
                        "Opening: addresses by the Ministry of Local Government, USAID and the "
                        "Supreme Council for Local Administration"
                    ),
                },
                {
                    "time": "10:30",
                    "item": (
                        "Policies and legislation for municipal work, local revenue strategies, "
                        "the municipal guard and the role of the municipal agent"
                    ),
                },
                {
                    "time": "12:00",
                    "item": (
                        "Environmental sanitation, urban planning, disaster preparedness and rapid "
                        "response"
                    ),
                },
                {
                    "time": "14:00",
                    "item": (
                        "Community participation, civil-society coordination, youth leadership and "
                        "jobs for young people"
                    ),
                },
                {
                    "time": "15:00",
                    "item": (
                        "Women's empowerment, services for people with disabilities, archiving and "
                        "data preservation, capacity building"
                    ),
                },
            ],
            "fr": [
                {
                    "time": "09:00",
                    "item": (
                        "Ouverture : allocutions du ministère du Gouvernement local, de l'USAID et "
                        "du Haut Conseil de l'administration locale"
                    ),
                },
                {
                    "time": "10:30",
                    "item": (
                        "Politiques et législation de l'action municipale, stratégies de recettes "
                        "locales, garde municipale et rôle de l'agent municipal"
                    ),
                },
                {
                    "time": "12:00",
                    "item": (
                        "Assainissement environnemental, urbanisme, préparation aux catastrophes "
                        "et réponse rapide"
                    ),
                },
                {
                    "time": "14:00",
                    "item": (
                        "Participation communautaire, coordination de la société civile, "
                        "leadership et emploi des jeunes"
                    ),
                },
                {
                    "time": "15:00",
                    "item": (
                        "Autonomisation des femmes, services aux personnes handicapées, archivage "
                        "et conservation des données, renforcement des capacités"
                    ),
                },
            ],
        },
        "outcomes": {
            "ar": [
                (
                    "تعزيز الشراكة بين بلدية غدامس وتينلي بارك عبر تبادل الخبرات في مختلف محاور "
                    "العمل البلدي."
                ),
                (
                    "التأكيد على التنسيق بين الجهات المانحة وتفادي الازدواجية في البرامج الموجهة "
                    "إلى البلديات."
                ),
                (
                    "إبراز أولويات المشاركة المجتمعية وتمكين المرأة والشباب وخدمات ذوي الإعاقة في "
                    "العمل البلدي."
                ),
            ],
            "en": [
                (
                    "A stronger partnership between Ghadames and Tinley Park through exchange "
                    "across the main areas of municipal work."
                ),
                (
                    "Emphasis on coordination among donors and on avoiding duplicated programmes "
                    "for municipalities."
                ),
                (
                    "Community participation, the empowerment of women and young people, and "
                    "disability services highlighted as municipal priorities."
                ),
            ],
            "fr": [
                (
                    "Un partenariat renforcé entre Ghadamès et Tinley Park grâce à des échanges "
                    "sur les principaux domaines de l'action municipale."
                ),
                (
                    "L'accent mis sur la coordination entre bailleurs et sur la nécessité d'éviter "
                    "les doublons dans les programmes destinés aux municipalités."
                ),
                (
                    "La participation communautaire, l'autonomisation des femmes et des jeunes et "
                    "les services aux personnes handicapées mis en avant comme priorités "
                    "municipales."
                ),
            ],
        },
    },
    {
        "key": "local-development-plans-workshop",
        "kind": "workshop",
        "start": dt.datetime(2021, 3, 9, 9, 0),
        "end": dt.datetime(2021, 3, 9, 13, 0),
        "place": {"ar": "تونس", "en": "Tunisia", "fr": "Tunisie"},
        "online_url": "",
        "programme": None,
        "partners": [
            "tn-decentralisation-authority",
            "tn-mala",
            "undp",
            "ilo",
            "giz",
            "cilg-vng",
            "fntc",
        ],
        "municipalities": [],
        "title": {
            "ar": "ورشة عمل حول منهجيات إعداد مخططات التنمية المحلية",
            "en": "Workshop on methods for local development plans",
            "fr": "Atelier sur les méthodologies des plans de développement local",
        },
        "lead": {
            "ar": (
                "ورشة نظّمتها الهيئة العامة للاستشراف ومرافقة المسار اللامركزي برئاسة السيد منذر "
                "بوسنينة لمقارنة منهجيات الشركاء في إعداد استراتيجيات المدن ومخططات التنمية "
                "المحلية التشاركية."
            ),
            "en": (
                "A workshop of the General Authority for Foresight and Support of the "
                "Decentralisation Process, chaired by Mondher Bousnina, comparing partners' "
                "methods for city strategies and participatory local development plans."
            ),
            "fr": (
                "Atelier de l'Instance générale de prospective et d'accompagnement du processus de "
                "décentralisation, présidé par Mondher Bousnina, pour comparer les méthodologies "
                "des partenaires en matière de stratégies de villes et de plans de développement "
                "local participatifs."
            ),
        },
        "agenda": {
            "ar": [
                {
                    "time": "09:00",
                    "item": (
                        "افتتاح الورشة برئاسة السيد منذر بوسنينة، رئيس الهيئة العامة للاستشراف "
                        "ومرافقة المسار اللامركزي"
                    ),
                },
                {
                    "time": "09:30",
                    "item": (
                        "عرض منهجيات الشركاء في إعداد استراتيجيات المدن ومخططات التنمية المحلية "
                        "التشاركية"
                    ),
                },
                {
                    "time": "11:00",
                    "item": "نقاش مقارن حول مراحل التشخيص والتخطيط والتنفيذ والمتابعة والتقييم",
                },
                {"time": "12:30", "item": "صياغة التوصيات"},
            ],
            "en": [
                {
                    "time": "09:00",
                    "item": (
                        "Opening, chaired by Mondher Bousnina, president of the General Authority "
                        "for Foresight and Support of the Decentralisation Process"
                    ),
                },
                {
                    "time": "09:30",
                    "item": (
                        "Partners present their methods for city strategies and participatory "
                        "local development plans"
                    ),
                },
                {
                    "time": "11:00",
                    "item": (
                        "Comparative discussion: diagnosis, planning, implementation, monitoring "
                        "and evaluation"
                    ),
                },
                {"time": "12:30", "item": "Drafting the recommendations"},
            ],
            "fr": [
                {
                    "time": "09:00",
                    "item": (
                        "Ouverture présidée par Mondher Bousnina, président de l'Instance générale "
                        "de prospective et d'accompagnement du processus de décentralisation"
                    ),
                },
                {
                    "time": "09:30",
                    "item": (
                        "Présentation des méthodologies des partenaires pour les stratégies de "
                        "villes et les plans de développement local participatifs"
                    ),
                },
                {
                    "time": "11:00",
                    "item": (
                        "Discussion comparative : diagnostic, planification, mise en œuvre, suivi "
                        "et évaluation"
                    ),
                },
                {"time": "12:30", "item": "Formulation des recommandations"},
            ],
        },
        "outcomes": {
            "ar": [
                "تشكيل أربعة فرق عمل تُعنى بالتشخيص والتخطيط والتنفيذ والمتابعة والتقييم.",
                "توحيد منهجيات إعداد مخططات التنمية المحلية وصياغة دليل موجّه إلى البلديات.",
                "مراعاة مبادئ التدبير الحر والمشاركة والحوكمة المفتوحة في الدليل.",
                "التنسيق مع الجامعة الوطنية للبلديات التونسية.",
            ],
            "en": [
                (
                    "Set up four teams for diagnosis, planning, implementation, and monitoring and "
                    "evaluation."
                ),
                (
                    "Unify the methods for local development plans and write a guide for "
                    "municipalities."
                ),
                (
                    "Make sure the guide respects free administration, participation and open "
                    "governance."
                ),
                "Coordinate with the National Federation of Tunisian Municipalities.",
            ],
            "fr": [
                (
                    "Constituer quatre équipes : diagnostic, planification, mise en œuvre, suivi "
                    "et évaluation."
                ),
                (
                    "Unifier les méthodologies des plans de développement local et rédiger un "
                    "guide à l'intention des communes."
                ),
                (
                    "Veiller au respect, dans ce guide, des principes de libre administration, de "
                    "participation et de gouvernance ouverte."
                ),
                "Assurer la coordination avec la Fédération nationale des communes tunisiennes.",
            ],
        },
    },
    {
        "key": "tot-community-participation-2027",
        "kind": "workshop",
        "start": dt.datetime(2027, 4, 13, 9, 0),
        "end": dt.datetime(2027, 4, 15, 15, 30),
        "place": {"ar": "طرابلس، ليبيا", "en": "Tripoli, Libya", "fr": "Tripoli, Libye"},
        "online_url": "",
        "programme": None,
        "partners": ["ly-mlg"],
        "municipalities": ["tripoli"],
        "title": {
            "ar": "دورة تدريب المدربين في المشاركة المجتمعية",
            "en": "Training of trainers in community participation",
            "fr": "Formation de formateurs en participation communautaire",
        },
        "lead": {
            "ar": (
                "دورة على مدى ثلاثة أيام يؤهّل فيها المركز موظفين بلديين لتدريب زملائهم على أدوات "
                "إشراك المواطنين في التخطيط المحلي ومتابعة الخدمات البلدية."
            ),
            "en": (
                "A three-day course in which the Centre prepares municipal staff to train their "
                "colleagues in tools for involving citizens in local planning and in following up "
                "municipal services."
            ),
            "fr": (
                "Un cycle de trois jours au cours duquel le Centre prépare des agents municipaux à "
                "former leurs collègues aux outils d'implication des citoyens dans la "
                "planification locale et le suivi des services municipaux."
            ),
        },
        "agenda": {
            "ar": [
                {"time": "09:00", "item": "التسجيل وافتتاح الدورة"},
                {
                    "time": "09:30",
                    "item": "المشاركة المجتمعية في العمل البلدي: المفاهيم والأطر القانونية",
                },
                {
                    "time": "11:00",
                    "item": "أدوات إشراك المواطنين: جلسات الاستماع والاستبيانات ولجان الأحياء",
                },
                {"time": "13:00", "item": "مبادئ تعليم الكبار وتصميم الجلسات التدريبية"},
                {"time": "14:30", "item": "تمارين تطبيقية وتقييم يومي"},
            ],
            "en": [
                {"time": "09:00", "item": "Registration and opening"},
                {
                    "time": "09:30",
                    "item": (
                        "Community participation in municipal work: concepts and legal frameworks"
                    ),
                },
                {
                    "time": "11:00",
                    "item": (
                        "Tools for involving citizens: public hearings, surveys and neighbourhood "
                        "committees"
                    ),
                },
                {
                    "time": "13:00",
                    "item": "Principles of adult education and designing training sessions",
                },
                {"time": "14:30", "item": "Practical exercises and daily evaluation"},
            ],
            "fr": [
                {"time": "09:00", "item": "Inscription et ouverture"},
                {
                    "time": "09:30",
                    "item": (
                        "La participation communautaire dans l'action municipale : notions et "
                        "cadres juridiques"
                    ),
                },
                {
                    "time": "11:00",
                    "item": (
                        "Outils d'implication des citoyens : auditions publiques, enquêtes et "
                        "comités de quartier"
                    ),
                },
                {
                    "time": "13:00",
                    "item": (
                        "Principes de l'éducation des adultes et conception des séances de "
                        "formation"
                    ),
                },
                {"time": "14:30", "item": "Exercices pratiques et évaluation quotidienne"},
            ],
        },
        "outcomes": {"ar": [], "en": [], "fr": []},
    },
]
