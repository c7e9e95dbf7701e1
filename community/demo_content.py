"""Demo experience-exchange platforms (see shared DEMO-FACTS §5)."""

MEMBERS = [
    {
        "key": "rana-khatib",
        "email": "rana.khatib@demo.markaz.ps",
        "name_ar": "رنا الخطيب",
        "name_latin": "Rana Al-Khatib",
        "handle": "rana.khatib",
        "municipality": "ramallah",
        "position": "مسؤولة العلاقات العامة",
        "gender": "f",
        "show_email": False,
    },
    {
        "key": "lina-hanna",
        "email": "lina.hanna@demo.markaz.ps",
        "name_ar": "لينا حنا",
        "name_latin": "Lina Hanna",
        "handle": "lina.hanna",
        "municipality": "bethlehem",
        "position": "منسقة الإعلام والاتصال",
        "gender": "f",
        "show_email": True,
    },
    {
        "key": "omar-qasem",
        "email": "omar.qasem@demo.markaz.ps",
        "name_ar": "عمر قاسم",
        "name_latin": "Omar Qasem",
        "handle": "omar.qasem",
        "municipality": "nablus",
        "position": "مسؤول الإعلام الرقمي",
        "gender": "m",
        "show_email": False,
    },
    {
        "key": "mahmoud-odeh",
        "email": "mahmoud.odeh@demo.markaz.ps",
        "name_ar": "محمود عودة",
        "name_latin": "Mahmoud Odeh",
        "handle": "m.odeh",
        "municipality": "nablus",
        "position": "رئيس قسم التخطيط الحضري",
        "gender": "m",
        "show_email": True,
    },
    {
        "key": "dina-salameh",
        "email": "dina.salameh@demo.markaz.ps",
        "name_ar": "دينا سلامة",
        "name_latin": "Dina Salameh",
        "handle": "dina.salameh",
        "municipality": "ramallah",
        "position": "مهندسة نظم معلومات جغرافية",
        "gender": "f",
        "show_email": False,
    },
    {
        "key": "hani-abueid",
        "email": "hani.abueid@demo.markaz.ps",
        "name_ar": "هاني أبو عيد",
        "name_latin": "Hani Abu Eid",
        "handle": "hani.abueid",
        "municipality": "jericho",
        "position": "رئيس قسم المشاريع",
        "gender": "m",
        "show_email": False,
    },
    {
        "key": "basel-hroub",
        "email": "basel.hroub@demo.markaz.ps",
        "name_ar": "باسل الحروب",
        "name_latin": "Basel Al-Hroub",
        "handle": "basel.hroub",
        "municipality": "hebron",
        "position": "مسؤول أنظمة المعلومات",
        "gender": "m",
        "show_email": False,
    },
    {
        "key": "samer-jabari",
        "email": "samer.jabari@demo.markaz.ps",
        "name_ar": "سامر الجعبري",
        "name_latin": "Samer Al-Jabari",
        "handle": "samer.jabari",
        "municipality": "hebron",
        "position": "مدير الدائرة المالية",
        "gender": "m",
        "show_email": True,
    },
    {
        "key": "maha-barghouti",
        "email": "maha.barghouti@demo.markaz.ps",
        "name_ar": "مها البرغوثي",
        "name_latin": "Maha Al-Barghouti",
        "handle": "maha.barghouti",
        "municipality": "ramallah",
        "position": "رئيسة قسم الموازنة",
        "gender": "f",
        "show_email": False,
    },
    {
        "key": "issa-qumsieh",
        "email": "issa.qumsieh@demo.markaz.ps",
        "name_ar": "عيسى قمصية",
        "name_latin": "Issa Qumsieh",
        "handle": "issa.qumsieh",
        "municipality": "bethlehem",
        "position": "المدير المالي",
        "gender": "m",
        "show_email": False,
    },
    {
        "key": "nour-hamdan",
        "email": "nour.hamdan@demo.markaz.ps",
        "name_ar": "نور حمدان",
        "name_latin": "Nour Hamdan",
        "handle": "nour.hamdan",
        "municipality": "jericho",
        "position": "مسؤولة الإيرادات والجباية",
        "gender": "f",
        "show_email": False,
    },
    {
        "key": "khaled-dweik",
        "email": "khaled.dweik@demo.markaz.ps",
        "name_ar": "خالد الدويك",
        "name_latin": "Khaled Al-Dweik",
        "handle": "khaled.dweik",
        "municipality": "hebron",
        "position": "رئيس مجلس قروي",
        "gender": "m",
        "show_email": False,
    },
    {
        "key": "ibrahim-hajj",
        "email": "ibrahim.hajj@demo.markaz.ps",
        "name_ar": "إبراهيم الحاج",
        "name_latin": "Ibrahim Al-Hajj",
        "handle": "ibrahim.hajj",
        "municipality": "nablus",
        "position": "رئيس مجلس قروي",
        "gender": "m",
        "show_email": False,
    },
    {
        "key": "amal-saleh",
        "email": "amal.saleh@demo.markaz.ps",
        "name_ar": "آمال صالح",
        "name_latin": "Amal Saleh",
        "handle": "amal.saleh",
        "municipality": "ramallah",
        "position": "أمينة سر مجلس قروي",
        "gender": "f",
        "show_email": False,
    },
    {
        "key": "tariq-zawahra",
        "email": "tariq.zawahra@demo.markaz.ps",
        "name_ar": "طارق الزواهرة",
        "name_latin": "Tariq Al-Zawahra",
        "handle": "tariq.zawahra",
        "municipality": "bethlehem",
        "position": "رئيس مجلس قروي",
        "gender": "m",
        "show_email": False,
    },
    {
        "key": "jamal-ayoub",
        "email": "jamal.ayoub@demo.markaz.ps",
        "name_ar": "جمال أيوب",
        "name_latin": "Jamal Ayoub",
        "handle": "jamal.ayoub",
        "municipality": "jericho",
        "position": "رئيس مجلس قروي",
        "gender": "m",
        "show_email": False,
    },
    {
        "key": "yasmin-awad",
        "email": "yasmin.awad@demo.markaz.ps",
        "name_ar": "ياسمين عوض",
        "name_latin": "Yasmin Awad",
        "handle": "yasmin.awad",
        "municipality": "ramallah",
        "position": "منسقة وحدة التطوير والابتكار",
        "gender": "f",
        "show_email": True,
    },
    {
        "key": "reem-sharif",
        "email": "reem.sharif@demo.markaz.ps",
        "name_ar": "ريم الشريف",
        "name_latin": "Reem Al-Sharif",
        "handle": "reem.sharif",
        "municipality": "nablus",
        "position": "رئيسة مركز خدمة الجمهور",
        "gender": "f",
        "show_email": False,
    },
]

PLATFORMS = [
    # 1. Public relations
    {
        "slug": "public-relations",
        "title": {
            "ar": "منصة العلاقات العامة",
            "en": "Public Relations Platform",
            "fr": "Plateforme des relations publiques",
        },
        "purpose": {
            "ar": (
                "مساحة يتبادل فيها العاملون في العلاقات العامة والإعلام بالهيئات المحلية خبراتهم "
                "في التواصل مع المواطنين ووسائل الإعلام، ويطوّرون معًا أدوات الاتصال "
                "الاستراتيجي."
            ),
            "en": (
                "A space where public relations and media staff of local authorities share "
                "their experience of communicating with citizens and the media, and build "
                "strategic communication tools together."
            ),
            "fr": (
                "Un espace où les chargés de relations publiques et de communication des "
                "collectivités locales partagent leur expérience du dialogue avec les citoyens "
                "et les médias, et construisent ensemble des outils de communication "
                "stratégique."
            ),
        },
        "audience": {
            "ar": (
                "موظفو العلاقات العامة والإعلام وخدمة الجمهور في الهيئات المحلية الأعضاء في "
                "الاتحاد الفلسطيني للهيئات المحلية."
            ),
            "en": (
                "Public relations, media and citizen-service staff of the local authorities "
                "that belong to the Association of Palestinian Local Authorities (APLA)."
            ),
            "fr": (
                "Les agents des relations publiques, de la communication et de l'accueil du "
                "public des collectivités membres de l'Association des autorités locales "
                "palestiniennes (APLA)."
            ),
        },
        "goals": {
            "ar": [
                "رفع قدرات موظفي العلاقات العامة في الكتابة الإعلامية والتغطية.",
                "بناء شبكة تواصل دائمة بين مسؤولي الإعلام في الهيئات المحلية.",
                "تطوير نماذج لخطط الاتصال الاستراتيجي يمكن تكييفها مع كل هيئة.",
                "تبادل الاستراتيجيات الإعلامية الناجحة في الأزمات وفي الإعلان عن الخدمات.",
            ],
            "en": [
                "Strengthen PR staff skills in media writing and coverage.",
                "Build a lasting network among media officers of local authorities.",
                "Develop strategic communication plan templates each authority can adapt.",
                "Share media strategies that work in crises and in announcing services.",
            ],
            "fr": [
                "Renforcer les compétences des agents en rédaction et couverture médiatique.",
                "Créer un réseau durable entre les chargés de communication des collectivités.",
                "Élaborer des modèles de plans de communication stratégique adaptables.",
                (
                    "Échanger les stratégies médiatiques efficaces en temps de crise et pour "
                    "annoncer les services."
                ),
            ],
        },
        "work_plan": {
            "ar": [
                "لقاء تأسيسي لأعضاء المنصة واعتماد خطة العمل (تشرين الأول 2019).",
                "ورشة حول الاتصال الاستراتيجي وإعداد خطة اتصال سنوية للهيئة المحلية.",
                "ورشة حول الاستراتيجيات الإعلامية وإدارة صفحات التواصل الاجتماعي.",
                "زيارات تبادلية بين أقسام العلاقات العامة في عدد من البلديات.",
                (
                    "إعداد ورقة موقف حول دور العلاقات العامة في الهيئات المحلية ترفد أجندة "
                    "الإصلاح الوطنية."
                ),
            ],
            "en": [
                "Founding meeting of members and adoption of the work plan (October 2019).",
                "Workshop on strategic communication and drafting an annual communication plan.",
                "Workshop on media strategies and managing social media pages.",
                "Exchange visits between the PR departments of several municipalities.",
                (
                    "A position paper on the role of public relations in local authorities, "
                    "feeding the national reform agenda."
                ),
            ],
            "fr": [
                "Réunion constitutive des membres et adoption du plan de travail (octobre 2019).",
                (
                    "Atelier sur la communication stratégique et l'élaboration d'un plan de "
                    "communication annuel."
                ),
                "Atelier sur les stratégies médiatiques et la gestion des réseaux sociaux.",
                "Visites d'échange entre les services de relations publiques de plusieurs villes.",
                (
                    "Note de position sur le rôle des relations publiques dans les collectivités, "
                    "pour nourrir l'agenda national de réforme."
                ),
            ],
        },
        "visibility": "public",
        "join_policy": "request",
        "post_approval": False,
        "launched": "2019-10-15",
        "categories": [
            {
                "slug": "media",
                "name": {
                    "ar": "الإعلام والتغطية",
                    "en": "Media and coverage",
                    "fr": "Médias et couverture",
                },
            },
            {
                "slug": "strategic-communication",
                "name": {
                    "ar": "الاتصال الاستراتيجي",
                    "en": "Strategic communication",
                    "fr": "Communication stratégique",
                },
            },
            {
                "slug": "networking",
                "name": {
                    "ar": "التشبيك وتبادل الخبرات",
                    "en": "Networking and exchange",
                    "fr": "Réseautage et échanges",
                },
            },
        ],
        "members": [
            ("rana-khatib", "coordinator"),
            ("lina-hanna", "moderator"),
            ("omar-qasem", "member"),
            ("reem-sharif", "member"),
            ("yasmin-awad", "member"),
        ],
        "pending": ["basel-hroub"],
        "topics": [
            {
                "title": "كيف ننتقل من ردّ الفعل إلى خطة اتصال سنوية للبلدية؟",
                "category": "strategic-communication",
                "author": "rana-khatib",
                "body": (
                    "في أغلب بلدياتنا يعمل قسم العلاقات العامة بمنطق ردّ الفعل: خبر عن افتتاح "
                    "مشروع، وبيان عند انقطاع خدمة، ثم صمت حتى الحدث التالي. نحاول هذا العام "
                    "إعداد خطة اتصال سنوية مرتبطة بخطة البلدية وموازنتها.\n\n"
                    "ما وصلنا إليه حتى الآن:\n\n"
                    "- ثلاث رسائل رئيسية للعام بدل عشرات الرسائل المتفرقة.\n"
                    "- تقويم شهري للمواسم التي تهم المواطنين: المدارس، والشتاء، ودفع الرسوم.\n"
                    "- توزيع واضح للمسؤوليات بين القسم والدوائر الفنية التي تزودنا بالمعلومات."
                    "\n\n"
                    "**سؤالي:** كيف تقنعون الإدارة والدوائر الأخرى بالالتزام بالخطة؟ وهل لديكم "
                    "مؤشرات بسيطة لقياس أثرها؟"
                ),
                "pinned": True,
                "replies": [
                    {
                        "author": "lina-hanna",
                        "body": (
                            "ربطنا التقويم بموسم الأعياد والموسم السياحي لأن الضغط على "
                            "الخدمات يتضاعف فيهما. وما ساعدنا على التزام الدوائر أن المدير "
                            "العام اعتمد الخطة رسميًا في اجتماع رؤساء الدوائر، فصار كل رئيس "
                            "دائرة يسمّي شخصًا للتواصل معنا.\n\n"
                            "أما القياس فنكتفي حاليًا بمتابعة الاستفسارات المتكررة على الصفحة: "
                            "إذا قلّت بعد نشر التوضيح فهذه إشارة جيدة."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "omar-qasem",
                        "body": (
                            "@rana.khatib أضيف نقطة عملية: خصّصوا في التقويم مساحة ثابتة "
                            "للمحتوى الخدمي، مثل مواعيد الدوام وطرق الدفع وأرقام الطوارئ. هذا "
                            "المحتوى هو الأكثر مشاركة عندنا، لا أخبار الافتتاحات."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "reem-sharif",
                        "body": (
                            "من جهة مركز خدمة الجمهور نستطيع أن نزودكم كل شهر بأكثر الأسئلة "
                            "والشكاوى تكرارًا. إذا بُنيت رسائل الخطة عليها صارت مرتبطة بحاجة "
                            "حقيقية، وسهل إقناع الإدارة لأن المعطيات من داخل البلدية نفسها.\n\n"
                            "> خطة الاتصال الجيدة تبدأ من سؤال المواطن، لا من خبر البلدية."
                        ),
                        "accepted": True,
                    },
                ],
            },
            {
                "title": "التواصل مع الناس أثناء إغلاق الشوارع لأعمال التأهيل: ما نجح وما لم ينجح",
                "category": "media",
                "author": "lina-hanna",
                "body": (
                    "نفّذت البلدية خلال الأشهر الماضية مشروعًا لإعادة تأهيل عدد من شوارع وسط "
                    "المدينة، وأُغلقت بعض الطرق لأسابيع. امتلأت صفحة البلدية بشكاوى التجار "
                    "والسائقين، فاضطررنا إلى تغيير طريقة تواصلنا أثناء التنفيذ. أشارككم ما "
                    "تعلّمناه.\n\n"
                    "**ما نجح:**\n\n"
                    "1. نشر خريطة بسيطة للتحويلات المرورية قبل الإغلاق بأسبوع، وتحديثها أسبوعيًا.\n"
                    "2. لقاء ميداني قصير مع أصحاب المحلات قبل بدء الأعمال بحضور مهندس المشروع.\n"
                    "3. الرد على التعليقات بأسماء موظفين حقيقيين لا بتوقيع «إدارة البلدية».\n\n"
                    "**ما لم ينجح:** أخبار عامة عن «تقدّم العمل» لا تذكر موعدًا متوقعًا لفتح "
                    "الشارع؛ كانت تزيد الاستياء بدل أن تخففه."
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "omar-qasem",
                        "body": (
                            "مررنا بتجربة قريبة. الفيديو القصير من موقع العمل، دقيقة واحدة مع "
                            "المهندس يشرح ما يجري، لقي تفاعلًا أكبر من البيانات المكتوبة وقلّل "
                            "الأسئلة المتكررة."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "yasmin-awad",
                        "body": (
                            "فكرة الخريطة ممتازة. هل فكرتم في رسائل نصية قصيرة لسكان الشوارع "
                            "المتأثرة وأصحاب المحلات فيها؟ أرقام الهواتف موجودة غالبًا في "
                            "سجلات المكلفين، ويمكن استخدامها بعد موافقة الإدارة."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "rana-khatib",
                        "body": (
                            "@lina.hanna هل يمكن أن تشاركي نموذج الدعوة إلى اللقاء الميداني مع "
                            "التجار؟ أقترح أن نضمّه إلى مجموعة النماذج التي نجمعها ضمن خطة عمل "
                            "المنصة."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "هل لدى أحدكم سياسة مكتوبة لإدارة صفحات البلدية على مواقع التواصل؟",
                "category": "networking",
                "author": "omar-qasem",
                "body": (
                    "نعمل على إعداد سياسة داخلية لصفحات البلدية: من يحق له النشر، ومتى نحذف "
                    "تعليقًا، وكيف نرد على الإساءة، وما المدة المقبولة للرد على الاستفسارات.\n\n"
                    "قبل أن نبدأ من الصفر: هل لدى أي هيئة محلية وثيقة مشابهة معتمدة يمكن أن "
                    "نطّلع عليها؟ وما البنود التي تنصحون بألا نغفلها؟"
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "lina-hanna",
                        "body": (
                            "لدينا مسودة لم تُعتمد بعد. أهم بند أضفناه بعد تجربة صعبة: **لا "
                            "يُحذف أي تعليق ينتقد الخدمة** مهما كان حادًّا، ويُحذف فقط ما فيه "
                            "إساءة شخصية أو معلومات خاصة بالأفراد. هذا حمانا من تهمة إسكات الناس."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "rana-khatib",
                        "body": (
                            "أقترح هيكلًا من خمسة بنود جرّبناه:\n\n"
                            "- **الصلاحيات:** شخصان يحق لهما النشر، وثالث احتياطي.\n"
                            "- **زمن الرد:** يوم عمل واحد للاستفسارات، وفورًا في الطوارئ.\n"
                            "- **التعليقات:** معايير الحذف مكتوبة ومعلنة للجمهور.\n"
                            "- **التنسيق:** لا يُنشر خبر فني قبل مراجعة الدائرة المختصة.\n"
                            "- **الأرشفة:** نسخة شهرية محفوظة من المنشورات والردود.\n\n"
                            "ويمكننا تحويل ذلك إلى نموذج موحّد للمنصة إذا وافق الأعضاء."
                        ),
                        "accepted": True,
                    },
                    {
                        "author": "reem-sharif",
                        "body": (
                            "أرجو إضافة بند يحدد متى يُحوَّل الاستفسار من الصفحة إلى مركز خدمة "
                            "الجمهور كطلب رسمي، حتى لا تضيع الشكوى بين القسمين."
                        ),
                        "accepted": False,
                    },
                ],
            },
        ],
    },
    # 2. Engineering and planning
    {
        "slug": "engineering-planning",
        "title": {
            "ar": "منصة الهندسة والتخطيط",
            "en": "Engineering and Planning Platform",
            "fr": "Plateforme ingénierie et planification",
        },
        "purpose": {
            "ar": (
                "منصة لمهندسي الهيئات المحلية ومخططيها لتوحيد الممارسة المهنية في إدارة "
                "المشاريع والتخطيط العمراني، وتبادل الحلول لتحديات التخطيط في التجمعات "
                "الفلسطينية، ومنها المنطقة (ج)."
            ),
            "en": (
                "A platform for local-authority engineers and planners to align professional "
                "practice in project management and urban planning, and to share solutions to "
                "planning challenges in Palestinian communities, including Area C."
            ),
            "fr": (
                "Une plateforme où ingénieurs et urbanistes des collectivités locales harmonisent "
                "leurs pratiques en gestion de projets et en urbanisme, et échangent des solutions "
                "aux défis de planification des localités palestiniennes, y compris en zone C."
            ),
        },
        "audience": {
            "ar": "المهندسون والمخططون وموظفو دوائر الهندسة والتنظيم في الهيئات المحلية.",
            "en": (
                "Engineers, planners and staff of engineering and building-control departments "
                "in local authorities."
            ),
            "fr": (
                "Ingénieurs, urbanistes et agents des services techniques et d'urbanisme des "
                "collectivités locales."
            ),
        },
        "goals": {
            "ar": [
                "إعداد دليل لإدارة المشاريع باحترافية يناسب واقع الهيئات المحلية.",
                "إعداد دليل عام للهندسة والتخطيط يجمع الإجراءات والنماذج المعتمدة.",
                "بناء قدرات الأعضاء في استخدام نظم المعلومات الجغرافية.",
                "تبادل الخبرة في البناء والتخطيط في المنطقة (ج) ودمجها في المخططات الهيكلية.",
                "ربط التخطيط المحلي بالهدف 11 من أهداف التنمية المستدامة.",
            ],
            "en": [
                "Produce a professional project-management guide suited to local authorities.",
                "Produce a general engineering and planning guide gathering agreed procedures.",
                "Build members' skills in geographic information systems (GIS).",
                "Share experience of building and planning in Area C and its master plans.",
                "Link local planning to Sustainable Development Goal 11.",
            ],
            "fr": [
                "Rédiger un guide de gestion professionnelle de projets adapté aux collectivités.",
                "Rédiger un guide général d'ingénierie et de planification.",
                "Renforcer les compétences des membres en systèmes d'information géographique.",
                (
                    "Partager l'expérience de la construction et de la planification en zone C "
                    "et de son intégration aux plans directeurs."
                ),
                "Relier la planification locale à l'objectif de développement durable 11.",
            ],
        },
        "work_plan": {
            "ar": [
                "لقاء تأسيسي لاعتماد خطة العمل وتشكيل فريق صياغة الأدلة (تشرين الأول 2019).",
                "إعداد مسودة دليل إدارة المشاريع المهنية ومناقشتها مع الأعضاء.",
                "سلسلة ورش عمل تطبيقية حول نظم المعلومات الجغرافية.",
                (
                    "جلسة متخصصة حول البناء والتخطيط في المنطقة (ج) ودمج تجمعاتها في "
                    "المخططات الهيكلية."
                ),
                "جلسة حول الهدف 11 من أهداف التنمية المستدامة: مدن ومجتمعات محلية مستدامة.",
                "استكمال الدليل العام للهندسة والتخطيط وتعميمه على الهيئات المحلية.",
            ],
            "en": [
                "Founding meeting to adopt the work plan and form a drafting team (October 2019).",
                "Draft the professional project-management guide and discuss it with members.",
                "A series of hands-on GIS workshops.",
                "A session on building and planning in Area C and its place in master plans.",
                "A session on SDG 11: sustainable cities and communities.",
                "Complete the general engineering and planning guide and share it widely.",
            ],
            "fr": [
                (
                    "Réunion constitutive pour adopter le plan de travail et former une équipe "
                    "de rédaction (octobre 2019)."
                ),
                "Rédaction du guide de gestion de projets et discussion avec les membres.",
                "Une série d'ateliers pratiques sur les SIG.",
                (
                    "Une séance sur la construction et la planification en zone C et son "
                    "intégration aux plans directeurs."
                ),
                "Une séance sur l'ODD 11 : villes et communautés durables.",
                "Finalisation et diffusion du guide général d'ingénierie et de planification.",
            ],
        },
        "visibility": "public",
        "join_policy": "request",
        "post_approval": True,
        "launched": "2019-10-22",
        "categories": [
            {
                "slug": "project-management",
                "name": {
                    "ar": "إدارة المشاريع",
                    "en": "Project management",
                    "fr": "Gestion de projets",
                },
            },
            {
                "slug": "gis",
                "name": {
                    "ar": "نظم المعلومات الجغرافية",
                    "en": "GIS",
                    "fr": "SIG",
                },
            },
            {
                "slug": "planning",
                "name": {
                    "ar": "التخطيط والمخططات الهيكلية",
                    "en": "Planning and master plans",
                    "fr": "Planification et plans directeurs",
                },
            },
        ],
        "members": [
            ("mahmoud-odeh", "coordinator"),
            ("dina-salameh", "moderator"),
            ("hani-abueid", "member"),
            ("basel-hroub", "member"),
            ("khaled-dweik", "member"),
            ("tariq-zawahra", "member"),
        ],
        "pending": ["ibrahim-hajj"],
        "topics": [
            {
                "title": "مسودة دليل إدارة المشاريع المهنية: الفصول المقترحة وملاحظاتكم",
                "category": "project-management",
                "author": "mahmoud-odeh",
                "body": (
                    "كما اتفقنا في اللقاء التأسيسي، بدأ فريق الصياغة العمل على دليل إدارة "
                    "المشاريع. نريده دليلًا عمليًا يرجع إليه مهندس البلدية في عمله اليومي، لا "
                    "كتابًا نظريًا.\n\n"
                    "الفصول المقترحة:\n\n"
                    "1. تحديد المشروع ودراسة الاحتياج.\n"
                    "2. إعداد وثائق العطاء والمواصفات وجداول الكميات.\n"
                    "3. الجدول الزمني وإدارة المخاطر.\n"
                    "4. الإشراف على التنفيذ وضبط الجودة.\n"
                    "5. الاستلام الابتدائي والنهائي والتوثيق.\n\n"
                    "نرجو ملاحظاتكم قبل نهاية الشهر: ما الفصل الناقص؟ وما النماذج التي "
                    "تستخدمونها وتودّون إدراجها؟"
                ),
                "pinned": True,
                "replies": [
                    {
                        "author": "hani-abueid",
                        "body": (
                            "أقترح فصلًا مستقلًا عن **أوامر التغيير** والتعامل مع المقاول عند "
                            "ظهور كميات إضافية، فهي أكثر نقطة نختلف فيها مع المقاولين والجهات "
                            "الممولة. لدينا نموذج لطلب أمر التغيير يمكن أن أرسله للفريق."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "dina-salameh",
                        "body": (
                            "أقترح أن يطلب الفصل الأول تحديد موقع المشروع كطبقة جغرافية منذ "
                            "البداية، حتى تتكوّن لدينا قاعدة بيانات للمشاريع المنفذة بدل "
                            "الملفات الورقية المتفرقة."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "khaled-dweik",
                        "body": (
                            "من زاوية المجالس القروية: كثير منا لا يملك مهندسًا متفرغًا. أرجو "
                            "إضافة ملحق مبسّط بقائمة فحص أساسية يستطيع رئيس المجلس أو أمين السر "
                            "استخدامها عند استلام المشروع."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "قبل ورشة نظم المعلومات الجغرافية: أي برنامج نعتمد وكيف نوحّد الطبقات؟",
                "category": "gis",
                "author": "dina-salameh",
                "body": (
                    "نحضّر للورشة الأولى من سلسلة نظم المعلومات الجغرافية، وأريد أن أعرف وضعكم "
                    "قبل تصميم المحتوى:\n\n"
                    "- هل تستخدمون برنامجًا مرخّصًا أم برامج مفتوحة المصدر مثل QGIS؟\n"
                    "- ما الطبقات المتوفرة لديكم فعلًا: حدود القطع، الشوارع، شبكات المياه، "
                    "استعمالات الأراضي؟\n"
                    "- هل تعتمد ملفاتكم نظام إحداثيات موحّدًا؟\n\n"
                    "سؤالي الأساسي: هل نبني الورشة على برنامج واحد للجميع، أم نترك لكل هيئة ما "
                    "اعتادت عليه؟"
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "basel-hroub",
                        "body": (
                            "عندنا خليط من الاثنين: نسخة مرخّصة في دائرة التنظيم، وQGIS في "
                            "باقي الأقسام. أنصح بأن تكون الورشة على QGIS، لأن أغلب المجالس "
                            "الصغيرة لن تتحمل كلفة الترخيص."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "mahmoud-odeh",
                        "body": (
                            "@dina.salameh أتفق على البرنامج المفتوح المصدر، لكن الأهم من "
                            "البرنامج هو **معيار البيانات**. أقترح أن تبدأ الورشة بجلسة عن:\n\n"
                            "1. نظام إحداثيات واحد تتفق عليه الهيئات المشاركة.\n"
                            "2. أسماء موحّدة للطبقات والحقول.\n"
                            "3. توثيق مصدر البيانات وتاريخ تحديثها في كل طبقة.\n\n"
                            "بعدها يصبح تبادل الملفات بيننا ممكنًا أيًّا كان البرنامج."
                        ),
                        "accepted": True,
                    },
                    {
                        "author": "hani-abueid",
                        "body": (
                            "مخططنا الهيكلي محفوظ في ملفات أوتوكاد فقط. أرجو تخصيص جزء من "
                            "الورشة لتحويل ملفات الكاد إلى طبقات جغرافية دون فقدان الدقة."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "أراضي قريتنا في المنطقة (ج) خارج المخطط الهيكلي: من أين نبدأ؟",
                "category": "planning",
                "author": "tariq-zawahra",
                "body": (
                    "جزء كبير من أراضي قريتنا يقع في المنطقة (ج)، والأهالي يبنون فيها دون "
                    "ترخيص لأن المخطط الهيكلي لا يشملها، ثم تصلهم إخطارات بوقف البناء أو "
                    "الهدم. نريد أن نبدأ بإعداد مخطط يضم هذه الأراضي، لكننا مجلس صغير "
                    "بإمكانات محدودة.\n\n"
                    "أسئلتي للزملاء الذين مرّوا بالتجربة:\n\n"
                    "- ما الخطوة الأولى: المسح الميداني أم حصر الملكيات؟\n"
                    "- كيف نُشرك الأهالي دون أن نعدهم بما لا نملك؟\n"
                    "- مع من ننسّق على المستوى الرسمي؟"
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "khaled-dweik",
                        "body": (
                            "مررنا بهذا في مجلسنا. بدأنا بحصر المباني القائمة وتوثيقها بالصور "
                            "والإحداثيات، لأن المخطط يجب أن ينطلق من الواقع الموجود. ثم التقينا "
                            "بالعائلات المالكة للأراضي، وكنّا واضحين أن المخطط خطوة للتنظيم "
                            "والحماية وليس ضمانة."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "mahmoud-odeh",
                        "body": (
                            "@tariq.zawahra الترتيب الذي أنصح به:\n\n"
                            "1. التنسيق المسبق مع وزارة الحكم المحلي قبل أي عمل ميداني.\n"
                            "2. تحديد حدود التجمع الحالية والتوسع المتوقع بناءً على نمو السكان.\n"
                            "3. حصر الملكيات والمباني القائمة والبنية التحتية.\n"
                            "4. إعداد المخطط بمشاركة الأهالي وربطه بالخدمات الأساسية: مدرسة، "
                            "وطريق، وشبكة مياه.\n\n"
                            "وأقترح أن نناقش حالتكم في جلسة الهدف 11، فالسكن الآمن والخدمات "
                            "الأساسية في صلب هذا الهدف."
                        ),
                        "accepted": True,
                    },
                    {
                        "author": "dina-salameh",
                        "body": (
                            "أستطيع مساعدتكم في تجهيز طبقة المباني القائمة من صور جوية حديثة إن "
                            "توفرت، ونجعلها مثالًا تطبيقيًا في ورشة نظم المعلومات الجغرافية "
                            "القادمة."
                        ),
                        "accepted": False,
                    },
                ],
            },
        ],
    },
    # 3. Finance managers
    {
        "slug": "finance-managers",
        "title": {
            "ar": "منصة المدراء الماليين",
            "en": "Finance Managers Platform",
            "fr": "Plateforme des directeurs financiers",
        },
        "purpose": {
            "ar": (
                "منصة تجمع المدراء الماليين في الهيئات المحلية لتبادل الخبرة في إعداد الموازنات "
                "والرقابة على تنفيذها، وتنمية الإيرادات، واحتساب كلفة الخدمات احتسابًا واقعيًا."
            ),
            "en": (
                "A platform bringing together local-authority finance managers to share "
                "experience in preparing and overseeing budgets, growing revenues and costing "
                "services realistically."
            ),
            "fr": (
                "Une plateforme qui réunit les directeurs financiers des collectivités locales "
                "pour échanger sur l'élaboration et le contrôle des budgets, le développement "
                "des recettes et le calcul réaliste du coût des services."
            ),
        },
        "audience": {
            "ar": (
                "المدراء الماليون والمحاسبون وموظفو الموازنة والجباية في البلديات والمجالس القروية."
            ),
            "en": (
                "Finance managers, accountants and budget and revenue staff of municipalities "
                "and village councils."
            ),
            "fr": (
                "Directeurs financiers, comptables et agents du budget et du recouvrement des "
                "municipalités et conseils villageois."
            ),
        },
        "goals": {
            "ar": [
                "تحسين إعداد الموازنات ومتابعة تنفيذها بتقارير دورية.",
                "البحث عن مصادر إيرادات جديدة ومستدامة للهيئات المحلية.",
                "تطوير أدوات للتحليل المالي واحتساب كلفة الخدمات.",
                "تبادل الخبرة في المشاريع الاستثمارية بالشراكة مع القطاع الخاص.",
            ],
            "en": [
                "Improve budget preparation and follow execution with regular reports.",
                "Find new and sustainable revenue sources for local authorities.",
                "Develop tools for financial analysis and service costing.",
                "Share experience of investment projects in partnership with the private sector.",
            ],
            "fr": [
                "Améliorer l'élaboration des budgets et suivre leur exécution par des rapports.",
                "Trouver des sources de recettes nouvelles et durables pour les collectivités.",
                "Développer des outils d'analyse financière et de calcul des coûts des services.",
                "Échanger sur les projets d'investissement en partenariat avec le secteur privé.",
            ],
        },
        "work_plan": {
            "ar": [
                "لقاء تأسيسي لاعتماد خطة العمل وتحديد أولويات الأعضاء (تشرين الثاني 2019).",
                "ورشة حول إعداد موازنة 2020 وأدوات الرقابة على تنفيذها.",
                "جلسة لتبادل التجارب في تنمية الإيرادات الذاتية وتحسين الجباية.",
                "ورشة تطبيقية في التحليل المالي واحتساب كلفة الخدمات البلدية.",
                "جلسة حول المشاريع الاستثمارية مع القطاع الخاص ومتطلباتها القانونية.",
                "إعداد ورقة موقف حول الاستدامة المالية للهيئات المحلية.",
            ],
            "en": [
                "Founding meeting to adopt the work plan and set priorities (November 2019).",
                "Workshop on preparing the 2020 budget and tools to oversee its execution.",
                "A session sharing experience in raising own revenues and improving collection.",
                "Hands-on workshop on financial analysis and costing municipal services.",
                "A session on investment projects with the private sector and their legal needs.",
                "A position paper on the financial sustainability of local authorities.",
            ],
            "fr": [
                (
                    "Réunion constitutive pour adopter le plan de travail et fixer les priorités "
                    "(novembre 2019)."
                ),
                "Atelier sur la préparation du budget 2020 et les outils de contrôle.",
                "Séance d'échange sur les recettes propres et l'amélioration du recouvrement.",
                "Atelier pratique d'analyse financière et de calcul du coût des services.",
                (
                    "Séance sur les projets d'investissement avec le secteur privé et leurs "
                    "exigences juridiques."
                ),
                "Note de position sur la viabilité financière des collectivités locales.",
            ],
        },
        "visibility": "members",
        "join_policy": "request",
        "post_approval": False,
        "launched": "2019-11-05",
        "categories": [
            {
                "slug": "budget",
                "name": {
                    "ar": "الموازنة والرقابة",
                    "en": "Budget and oversight",
                    "fr": "Budget et contrôle",
                },
            },
            {
                "slug": "revenue",
                "name": {
                    "ar": "الإيرادات وكلفة الخدمات",
                    "en": "Revenue and service costs",
                    "fr": "Recettes et coût des services",
                },
            },
            {
                "slug": "investment",
                "name": {
                    "ar": "الاستثمار والشراكة مع القطاع الخاص",
                    "en": "Investment and private partnerships",
                    "fr": "Investissement et partenariats privés",
                },
            },
        ],
        "members": [
            ("samer-jabari", "coordinator"),
            ("maha-barghouti", "moderator"),
            ("issa-qumsieh", "member"),
            ("nour-hamdan", "member"),
            ("amal-saleh", "member"),
        ],
        "pending": ["tariq-zawahra"],
        "topics": [
            {
                "title": "متابعة تنفيذ الموازنة خلال السنة: كيف تعدّون تقاريركم الدورية؟",
                "category": "budget",
                "author": "samer-jabari",
                "body": (
                    "مع بدء إعداد موازنة 2020 لاحظت أن معظم جهدنا يذهب إلى إعداد الموازنة، ثم "
                    "نتركها حتى الحساب الختامي. قررنا هذا العام إعداد تقرير ربعي يقارن المخطط "
                    "بالفعلي لكل بند ويُعرض على المجلس البلدي.\n\n"
                    "ما أحتاج إلى معرفته منكم:\n\n"
                    "- هل تعدّون تقارير شهرية أم ربعية؟\n"
                    "- ما حجم الانحراف الذي يستدعي عندكم طلب تفسير؟\n"
                    "- كيف تعرضون الأرقام على أعضاء المجلس من غير المختصين؟"
                ),
                "pinned": True,
                "replies": [
                    {
                        "author": "maha-barghouti",
                        "body": (
                            "نعدّ تقريرًا شهريًا داخليًا للإدارة وتقريرًا ربعيًا للمجلس، ونطلب "
                            "تفسيرًا مكتوبًا من الدائرة المعنية لكل بند يبتعد كثيرًا عن المخطط "
                            "التراكمي، وقد حددنا لذلك نسبة داخلية ثابتة.\n\n"
                            "أما العرض على المجلس فصفحة واحدة:\n\n"
                            "- جدول بأهم عشرة بنود إيرادات ونفقات.\n"
                            "- رسم بياني بسيط للمخطط مقابل الفعلي.\n"
                            "- ثلاث ملاحظات مكتوبة بلغة غير محاسبية.\n\n"
                            "والتفاصيل كلها في ملحق لمن يريد."
                        ),
                        "accepted": True,
                    },
                    {
                        "author": "issa-qumsieh",
                        "body": (
                            "نقطة مهمة: بعض إيراداتنا موسمية ترتبط بالسياحة، فلا يصح تقسيم "
                            "الموازنة السنوية على اثني عشر شهرًا بالتساوي. نوزع المخطط على "
                            "الأشهر حسب نمط السنوات السابقة، وإلا ظهر انحراف كبير في الشتاء دون "
                            "سبب حقيقي."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "nour-hamdan",
                        "body": (
                            "@samer.jabari هل يمكن أن تشارك قالب التقرير الربعي بعد اعتماده؟ "
                            "نظامنا المحاسبي لا يستخرج المقارنة تلقائيًا، ونحتاج إلى نموذج جاهز."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "كيف نحسب الكلفة الفعلية لخدمة جمع النفايات قبل مراجعة الرسوم؟",
                "category": "revenue",
                "author": "nour-hamdan",
                "body": (
                    "رسوم جمع النفايات عندنا لم تتغير منذ سنوات، والمجلس يطلب دراسة قبل أي "
                    "تعديل. المشكلة أن كلفة الخدمة موزعة على أكثر من بند: رواتب العمال، "
                    "والوقود، وصيانة الآليات، ورسوم المكب.\n\n"
                    "هل لدى أحدكم طريقة عملية لتجميع هذه التكاليف في كلفة واحدة للوحدة "
                    "السكنية؟ وكيف تتعاملون مع التكاليف المشتركة مثل الإدارة العامة؟"
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "samer-jabari",
                        "body": (
                            "الطريقة التي اعتمدناها:\n\n"
                            "1. **التكاليف المباشرة:** رواتب طواقم النظافة، والوقود، والصيانة، "
                            "ورسوم الترحيل والمكب.\n"
                            "2. **التكاليف غير المباشرة:** نحمّل الخدمة حصة من الإدارة العامة "
                            "بنسبة عدد موظفيها إلى مجموع الموظفين.\n"
                            "3. **الاستهلاك:** قسط سنوي لقيمة الآليات حتى لو اشتُريت بمنحة، "
                            "لأنها ستحتاج إلى استبدال.\n"
                            "4. نقسم المجموع على عدد الوحدات المخدومة فعلًا لا المسجلة.\n\n"
                            "هكذا يصبح لديكِ رقم واضح للمجلس، حتى لو قرر ألا يغطي الرسم كامل "
                            "الكلفة."
                        ),
                        "accepted": True,
                    },
                    {
                        "author": "amal-saleh",
                        "body": (
                            "في مجلسنا القروي المشكلة معكوسة: نحن أعضاء في مجلس خدمات مشترك "
                            "وندفع مبلغًا شهريًا عن الترحيل، لكننا لا نعرف كلفة الجمع داخل "
                            "القرية نفسها. سأجرب الخطوات نفسها على نطاق أصغر."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "issa-qumsieh",
                        "body": (
                            "لا تنسوا أثر نسبة التحصيل. إذا كانت الجباية ضعيفة فرفع الرسم وحده "
                            "لن يغطي الكلفة، وقد يكون تحسين التحصيل أولى من التعديل."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "استثمار أرض البلدية مع القطاع الخاص: ما البنود التي لا نغفلها في العقد؟",
                "category": "investment",
                "author": "issa-qumsieh",
                "body": (
                    "تملك البلدية قطعة أرض في موقع تجاري، وندرس طرحها للاستثمار لإقامة موقف "
                    "سيارات متعدد الطوابق مع محلات في الطابق الأرضي، مقابل حصة من الإيراد "
                    "وعودة المبنى إلى البلدية بعد مدة محددة.\n\n"
                    "قبل الرجوع إلى المستشار القانوني أريد خلاصة خبرتكم:\n\n"
                    "- كيف حددتم مدة العقد وحصة البلدية؟\n"
                    "- هل أعددتم دراسة الجدوى بأنفسكم أم عبر جهة مستقلة؟\n"
                    "- ما الموافقات المطلوبة قبل الطرح؟"
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "samer-jabari",
                        "body": (
                            "@issa.qumsieh أهم ما تعلّمناه: لا تبدأ بالعقد، بل بدراسة جدوى "
                            "مستقلة تحدد الحد الأدنى المقبول لحصة البلدية. من دونها سيضع "
                            "المستثمر الأرقام وحده."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "maha-barghouti",
                        "body": (
                            "بنود مرّت علينا عند مراجعة عقود سابقة:\n\n"
                            "- آلية واضحة للتدقيق في إيرادات المستثمر، لا الاكتفاء بتصريحه.\n"
                            "- مسؤولية الصيانة الكبرى خلال المدة، وحالة المبنى عند التسليم.\n"
                            "- شروط الإنهاء المبكر والتعويض في الاتجاهين.\n\n"
                            "والأفضل طرح المشروع بمنافسة علنية لا بتفاوض مباشر، حتى لو تأخر "
                            "قليلًا، مع التنسيق مع وزارة الحكم المحلي منذ البداية."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "nour-hamdan",
                        "body": (
                            "سؤال جانبي: كيف ستُسجَّل حصة البلدية في الموازنة، كإيراد استثماري "
                            "مستقل أم ضمن الإيجارات؟ من المفيد أن نتفق على ذلك بيننا لتبقى "
                            "تقاريرنا قابلة للمقارنة."
                        ),
                        "accepted": False,
                    },
                ],
            },
        ],
    },
    # 4. Village councils
    {
        "slug": "village-councils",
        "title": {
            "ar": "منصة المجالس القروية",
            "en": "Village Councils Platform",
            "fr": "Plateforme des conseils villageois",
        },
        "purpose": {
            "ar": (
                "منصة لرؤساء المجالس القروية في الضفة الغربية، منظمة حسب المناطق، يتبادلون فيها "
                "الحلول لتحديات القرى: محدودية الموارد المالية، والعلاقة مع المواطنين، وقضايا "
                "الأراضي، وإدارة النفايات الصلبة."
            ),
            "en": (
                "A platform for heads of village councils in the West Bank, organised by "
                "region, to share solutions to village challenges: limited finances, relations "
                "with citizens, land issues and solid-waste management."
            ),
            "fr": (
                "Une plateforme pour les présidents de conseils villageois de Cisjordanie, "
                "organisée par région, pour échanger des solutions aux défis des villages : "
                "moyens financiers limités, relations avec les citoyens, questions foncières et "
                "gestion des déchets solides."
            ),
        },
        "audience": {
            "ar": "رؤساء المجالس القروية وأمناء سرّها في شمال الضفة الغربية ووسطها وجنوبها.",
            "en": (
                "Heads and secretaries of village councils in the north, centre and south of "
                "the West Bank."
            ),
            "fr": (
                "Présidents et secrétaires de conseils villageois du nord, du centre et du sud "
                "de la Cisjordanie."
            ),
        },
        "goals": {
            "ar": [
                "تعزيز القدرات المالية للمجالس القروية وتنويع مواردها.",
                "تحسين العلاقة مع المواطنين وإشراكهم في قرارات المجلس.",
                "تبادل الخبرة في إعداد دراسات الجدوى للمشاريع الصغيرة.",
                "إيجاد حلول مشتركة لتحديات الأراضي وإدارة النفايات الصلبة.",
            ],
            "en": [
                "Strengthen the financial capacity of village councils and diversify resources.",
                "Improve relations with citizens and involve them in council decisions.",
                "Share experience in preparing feasibility studies for small projects.",
                "Find joint solutions to land challenges and solid-waste management.",
            ],
            "fr": [
                (
                    "Renforcer la capacité financière des conseils villageois et diversifier "
                    "leurs ressources."
                ),
                "Améliorer les relations avec les citoyens et les associer aux décisions.",
                "Échanger sur la préparation d'études de faisabilité pour de petits projets.",
                "Trouver des solutions communes aux enjeux fonciers et à la gestion des déchets.",
            ],
        },
        "work_plan": {
            "ar": [
                "لقاءات تأسيسية منفصلة لمجالس الشمال والوسط والجنوب (تشرين الثاني 2019).",
                "ورشة حول القدرات المالية للمجالس القروية وتحسين الجباية.",
                "جلسة حول العلاقة مع المواطنين والاجتماعات العامة ومعالجة الشكاوى.",
                "تدريب عملي على إعداد دراسة جدوى مبسّطة لمشروع خدمي أو مدرّ للدخل.",
                "لقاء مشترك بين المناطق حول تحديات الأراضي وإدارة النفايات الصلبة.",
            ],
            "en": [
                (
                    "Separate founding meetings for northern, central and southern councils "
                    "(November 2019)."
                ),
                "Workshop on the financial capacity of village councils and fee collection.",
                "A session on relations with citizens, public meetings and handling complaints.",
                "Practical training on a simple feasibility study for a service or income project.",
                "A joint meeting of all regions on land challenges and solid-waste management.",
            ],
            "fr": [
                (
                    "Réunions constitutives séparées pour les conseils du nord, du centre et du "
                    "sud (novembre 2019)."
                ),
                "Atelier sur la capacité financière des conseils villageois et le recouvrement.",
                "Séance sur les relations avec les citoyens, réunions publiques et plaintes.",
                (
                    "Formation pratique à une étude de faisabilité simple pour un projet de "
                    "service ou générateur de revenus."
                ),
                "Rencontre inter-régions sur le foncier et la gestion des déchets solides.",
            ],
        },
        "visibility": "members",
        "join_policy": "invite",
        "post_approval": False,
        "launched": "2019-11-19",
        "categories": [
            {
                "slug": "north",
                "name": {
                    "ar": "مجالس الشمال",
                    "en": "Northern councils",
                    "fr": "Conseils du nord",
                },
            },
            {
                "slug": "centre",
                "name": {
                    "ar": "مجالس الوسط",
                    "en": "Central councils",
                    "fr": "Conseils du centre",
                },
            },
            {
                "slug": "south",
                "name": {
                    "ar": "مجالس الجنوب",
                    "en": "Southern councils",
                    "fr": "Conseils du sud",
                },
            },
        ],
        "members": [
            ("khaled-dweik", "coordinator"),
            ("ibrahim-hajj", "coordinator"),
            ("tariq-zawahra", "moderator"),
            ("amal-saleh", "member"),
            ("jamal-ayoub", "member"),
        ],
        "pending": [],
        # Invited by e-mail before they have an account (shown on the coordinators' page).
        "invited_addresses": ["council.secretary@demo.markaz.ps"],
        "topics": [
            {
                "title": "تنظيم لقاءات المنصة حسب المناطق ومحاور النقاش لهذا العام",
                "category": None,
                "author": "khaled-dweik",
                "body": (
                    "أهلًا بكم في منصة المجالس القروية. اتفقنا على أن تعمل المنصة في ثلاث "
                    "مجموعات: الشمال والوسط والجنوب، لأن تحديات القرى تختلف من منطقة إلى "
                    "أخرى، ولأن اللقاء القريب أسهل على رؤساء المجالس.\n\n"
                    "محاور النقاش المقترحة:\n\n"
                    "- **القدرات المالية:** الجباية والرسوم والموارد الذاتية.\n"
                    "- **العلاقة مع المواطنين:** الاجتماعات العامة والشكاوى.\n"
                    "- **دراسات الجدوى** للمشاريع الصغيرة قبل طلب التمويل.\n"
                    "- **الأراضي:** التسجيل، والمنطقة (ج)، والأملاك العامة.\n"
                    "- **النفايات الصلبة** وعلاقتنا بمجالس الخدمات المشتركة.\n\n"
                    "نرجو من كل منطقة تأكيد موعد لقائها الأول في هذا الموضوع."
                ),
                "pinned": True,
                "replies": [
                    {
                        "author": "ibrahim-hajj",
                        "body": (
                            "مجالس الشمال: نقترح عقد اللقاء الأول في مقر أحد المجالس القريبة من "
                            "نابلس، وأن نبدأ بمحور القدرات المالية لأنه الأكثر إلحاحًا عند "
                            "الجميع."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "amal-saleh",
                        "body": (
                            "مجالس الوسط جاهزة. أقترح أن نضيف إلى المحور المالي موضوع الأرشفة "
                            "والتوثيق، فكثير من خلافاتنا مع المواطنين سببه ضياع الإيصالات "
                            "والقرارات القديمة."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "jamal-ayoub",
                        "body": (
                            "لقرى الأغوار خصوصية: معظم أراضيها في المنطقة (ج)، والمسافات بين "
                            "التجمعات طويلة. أرجو أن تكون لنا جلسة خاصة بالأراضي ضمن لقاء "
                            "الوسط على الأقل."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "النفايات الصلبة في القرى الصغيرة: ننضم إلى مجلس الخدمات المشترك أم لا؟",
                "category": "south",
                "author": "tariq-zawahra",
                "body": (
                    "يجمع مجلسنا النفايات بجرار قديم وعامل واحد، والترحيل إلى المكب يكلفنا أكثر "
                    "مما نجبي. عرض علينا مجلس الخدمات المشترك في المنطقة الانضمام، لكن الرسوم "
                    "الشهرية مرتفعة قياسًا بقدرة الأهالي، وبعض الأعضاء يخشون أن ندفع دون أن "
                    "تتحسن الخدمة.\n\n"
                    "من جرّب الانضمام: هل تحسنت الخدمة فعلًا؟ وكيف تعاملتم مع اعتراض الأهالي "
                    "على الرسوم؟"
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "khaled-dweik",
                        "body": (
                            "انضممنا قبل سنوات، وتجربتنا إيجابية بشروط:\n\n"
                            "1. **اتفاقية مكتوبة** تحدد عدد مرات الجمع أسبوعيًا ومواقع "
                            "الحاويات.\n"
                            "2. **لجنة متابعة** من المجلس والأهالي ترصد الالتزام وترفع "
                            "ملاحظاتها كل شهر.\n"
                            "3. **الشفافية:** عرضنا كلفة الخدمة قبل الانضمام وبعده في اجتماع "
                            "عام، فتقبّل الناس الرسوم حين رأوا الأرقام.\n\n"
                            "لم تصبح الخدمة مثالية، لكن انتهى الحرق العشوائي في أطراف القرية."
                        ),
                        "accepted": True,
                    },
                    {
                        "author": "jamal-ayoub",
                        "body": (
                            "عندنا حل وسط: المجلس يجمع النفايات داخل القرية بآلياته، ويتعاقد مع "
                            "مجلس الخدمات على الترحيل فقط. خفّف ذلك الرسوم، لكنه يحتاج إلى جدول "
                            "جمع منضبط حتى لا تتراكم الحاويات."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "ibrahim-hajj",
                        "body": (
                            "@tariq.zawahra قبل القرار أنصح بدراسة جدوى صغيرة تقارن الخيارين على "
                            "مدى ثلاث سنوات، وتحسب استبدال الجرار وصيانته. كثيرًا ما ننسى كلفة "
                            "الآلية حين نقارن."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "يوم مفتوح في المجلس القروي: تجربتنا في كسب ثقة الأهالي وتحسين الجباية",
                "category": "north",
                "author": "ibrahim-hajj",
                "body": (
                    "جزء من الأهالي لا يدفع رسوم المجلس لأنه لا يرى أين تذهب الأموال. جرّبنا "
                    "هذا الصيف فكرة بسيطة: يوم مفتوح في مقر المجلس يعرض فيه الأعضاء إيرادات "
                    "السنة ونفقاتها والمشاريع المنفذة والمتعثرة.\n\n"
                    "ما فعلناه:\n\n"
                    "- لوحة كبيرة بالأرقام الأساسية بلغة بسيطة.\n"
                    "- ركن لتقديم الشكاوى والاقتراحات مكتوبة.\n"
                    "- إمكانية الدفع وتقسيط المتأخرات في المكان نفسه.\n\n"
                    "> أكثر جملة سمعناها: «أول مرة نعرف أين تذهب رسومنا».\n\n"
                    "كان الإقبال على التسديد بعده أفضل من المعتاد، وننوي تكراره مرتين في السنة."
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "amal-saleh",
                        "body": (
                            "فكرة جميلة. بصفتي أمينة سر أسأل: كيف نظمتم تقسيط المتأخرات؟ بقرار "
                            "من المجلس وجدول موحد، أم لكل حالة على حدة؟"
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "ibrahim-hajj",
                        "body": (
                            "@amal.saleh بقرار من المجلس وجدول موحد للجميع حتى لا نُتهم "
                            "بالمحاباة، مع استثناءات للحالات الاجتماعية الموثقة."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "khaled-dweik",
                        "body": (
                            "سنجرب الفكرة في مجالس الجنوب. وأقترح أن نضيف إليها عرضًا قصيرًا "
                            "لدراسة جدوى المشروع القادم، حتى يشارك الأهالي في ترتيب الأولويات "
                            "لا في الحساب فقط."
                        ),
                        "accepted": False,
                    },
                ],
            },
        ],
    },
    # 5. Innovation and creativity
    {
        "slug": "innovation",
        "title": {
            "ar": "منصة الإبداع والابتكار",
            "en": "Innovation and Creativity Platform",
            "fr": "Plateforme innovation et créativité",
        },
        "purpose": {
            "ar": (
                "منصة مفتوحة لعرض المشاريع المبتكرة التي نفذتها الهيئات المحلية، وتبادل الأدوات "
                "والأساليب الجديدة التي ترفع كفاءة العمل وجودة الخدمة المقدمة للمواطن."
            ),
            "en": (
                "An open platform to showcase innovative projects carried out by local "
                "authorities and to share new tools and methods that raise efficiency and the "
                "quality of services to citizens."
            ),
            "fr": (
                "Une plateforme ouverte pour présenter les projets innovants des collectivités "
                "locales et partager de nouveaux outils et méthodes qui améliorent l'efficacité "
                "et la qualité du service aux citoyens."
            ),
        },
        "audience": {
            "ar": "كل العاملين في الهيئات المحلية المهتمين بتطوير أساليب العمل، من مختلف التخصصات.",
            "en": "Anyone working in local authorities who wants to improve how work gets done.",
            "fr": (
                "Tous les agents des collectivités locales, quelle que soit leur spécialité, "
                "qui souhaitent améliorer les méthodes de travail."
            ),
        },
        "goals": {
            "ar": [
                "توثيق المشاريع المبتكرة في الهيئات المحلية ونشرها.",
                "تبادل أدوات وأساليب عمل جديدة ترفع الكفاءة.",
                "تشجيع نقل التجارب الناجحة من هيئة محلية إلى أخرى.",
                "ربط أصحاب المبادرات في الهيئات المحلية بعضهم ببعض.",
            ],
            "en": [
                "Document and publish innovative projects of local authorities.",
                "Share new tools and working methods that raise efficiency.",
                "Encourage successful experiences to travel from one authority to another.",
                "Connect people who lead initiatives in local authorities.",
            ],
            "fr": [
                "Documenter et diffuser les projets innovants des collectivités locales.",
                "Partager de nouveaux outils et méthodes de travail plus efficaces.",
                "Favoriser le transfert des expériences réussies d'une collectivité à l'autre.",
                "Mettre en relation les porteurs d'initiatives des collectivités.",
            ],
        },
        "work_plan": {
            "ar": [
                "إطلاق المنصة ودعوة الهيئات المحلية إلى عرض تجاربها (كانون الأول 2019).",
                "إعداد نموذج موحد لتوثيق المشاريع المبتكرة.",
                "لقاء لعرض أبرز التجارب التي يقدمها الأعضاء.",
                "ورش قصيرة حول أدوات رقمية بسيطة لتحسين الخدمات.",
                "إصدار مجموعة مختارة من التجارب القابلة للتعميم.",
            ],
            "en": [
                "Launch the platform and invite local authorities to present (December 2019).",
                "Prepare a common template for documenting innovative projects.",
                "A meeting to present the most notable experiences shared by members.",
                "Short workshops on simple digital tools to improve services.",
                "Publish a selection of experiences that others can replicate.",
            ],
            "fr": [
                (
                    "Lancement de la plateforme et appel aux collectivités à présenter leurs "
                    "expériences (décembre 2019)."
                ),
                "Élaboration d'un modèle commun pour documenter les projets innovants.",
                "Une rencontre pour présenter les expériences les plus marquantes des membres.",
                "Des ateliers courts sur des outils numériques simples au service des usagers.",
                "Publication d'une sélection d'expériences reproductibles.",
            ],
        },
        "visibility": "public",
        "join_policy": "open",
        "post_approval": False,
        "launched": "2019-12-10",
        "categories": [
            {
                "slug": "projects",
                "name": {
                    "ar": "مشاريع مبتكرة",
                    "en": "Innovative projects",
                    "fr": "Projets innovants",
                },
            },
            {
                "slug": "tools",
                "name": {
                    "ar": "أدوات وأساليب عمل",
                    "en": "Tools and methods",
                    "fr": "Outils et méthodes",
                },
            },
        ],
        "members": [
            ("yasmin-awad", "coordinator"),
            ("basel-hroub", "moderator"),
            ("reem-sharif", "member"),
            ("rana-khatib", "member"),
            ("dina-salameh", "member"),
            ("nour-hamdan", "member"),
            ("omar-qasem", "member"),
        ],
        "pending": [],
        "topics": [
            {
                "title": "شاركونا تجاربكم: نموذج قصير لعرض المشروع المبتكر",
                "category": "projects",
                "author": "yasmin-awad",
                "body": (
                    "حتى تكون التجارب المعروضة هنا قابلة للنقل إلى هيئات أخرى، نقترح أن يتبع كل "
                    "عرض هذا النموذج:\n\n"
                    "1. **المشكلة:** ما الذي كان يزعج المواطن أو الموظف؟\n"
                    "2. **الفكرة:** ما الذي جرّبتموه بالضبط؟\n"
                    "3. **الكلفة والموارد:** بشكل تقريبي، ومن أين جاءت.\n"
                    "4. **النتيجة:** ما الذي تغيّر، ولو بملاحظة نوعية.\n"
                    "5. **الدروس:** ما الذي ستفعلونه بشكل مختلف؟\n\n"
                    "لا يشترط أن يكون المشروع كبيرًا أو تقنيًا؛ فتعديل بسيط في إجراء قائم قد "
                    "يكون أكثر ابتكارًا من تطبيق إلكتروني."
                ),
                "pinned": True,
                "replies": [
                    {
                        "author": "reem-sharif",
                        "body": (
                            "أبدأ بتجربة صغيرة: **نظام أرقام الدور** في مركز خدمة الجمهور.\n\n"
                            "- **المشكلة:** ازدحام وخلافات على الدور صباح أول يوم عمل في "
                            "الأسبوع.\n"
                            "- **الفكرة:** جهاز أرقام بسيط وشاشة تعرض الرقم ونوع المعاملة.\n"
                            "- **النتيجة:** هدوء في الصالة، وصرنا نعرف أوقات الذروة فنوزع "
                            "الموظفين على أساسها.\n"
                            "- **الدرس:** كان علينا الإعلان عن التغيير قبل أسبوع، فقد ارتبك كبار "
                            "السن في الأيام الأولى."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "basel-hroub",
                        "body": (
                            "أقترح بندًا سادسًا: **هل يمكن نقلها؟** أي ما تحتاجه هيئة أخرى "
                            "لتكرار التجربة: موظف، أو برنامج، أو قرار إداري. هذا يسهّل على "
                            "الزملاء الحكم بسرعة."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "yasmin-awad",
                        "body": (
                            "@basel.hroub اقتراح في محله، أضفناه إلى النموذج. وشكرًا "
                            "@reem.sharif على البداية الموفقة."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "هل جرّب أحدكم نماذج إلكترونية لاستقبال طلبات الخدمة بدل الورق؟",
                "category": "tools",
                "author": "basel-hroub",
                "body": (
                    "نفكر في تحويل بعض الطلبات البسيطة إلى نماذج إلكترونية: صيانة إنارة شارع، "
                    "أو الإبلاغ عن حفرة، أو طلب حاوية نفايات. يعبّئ المواطن النموذج من هاتفه "
                    "ويصل الطلب مباشرة إلى القسم المختص.\n\n"
                    "أسئلتي:\n\n"
                    "- هل استخدمتم أدوات جاهزة أم طورتم نظامًا خاصًا؟\n"
                    "- كيف تضمنون متابعة الطلب وعدم ضياعه بين الأقسام؟\n"
                    "- كيف تصلون إلى المواطنين الذين لا يستخدمون الإنترنت؟"
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "dina-salameh",
                        "body": (
                            "@basel.hroub جرّبنا نموذجًا بسيطًا يطلب من المواطن تحديد الموقع على "
                            "الخريطة من هاتفه. الفائدة الكبرى لم تكن سرعة الاستقبال فقط، بل أن "
                            "البلاغات صارت نقاطًا على الخريطة، فرأينا أين تتكرر الأعطال وخططنا "
                            "للصيانة الوقائية."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "reem-sharif",
                        "body": (
                            "المتابعة هي الأساس. قاعدتنا: **كل طلب إلكتروني يحصل على رقم "
                            "مرجعي** ويُسجَّل في نظام مركز خدمة الجمهور مثل الطلب الورقي تمامًا، "
                            "ولا يُغلق إلا بعد إبلاغ المواطن بالنتيجة.\n\n"
                            "أما من لا يستخدم الإنترنت فالهاتف والشباك متاحان، ويعبّئ الموظف "
                            "النموذج الإلكتروني نيابة عنه، فتبقى الطلبات كلها في مكان واحد."
                        ),
                        "accepted": True,
                    },
                    {
                        "author": "omar-qasem",
                        "body": (
                            "من جهة الإعلام: عند إطلاق خدمة مشابهة نشرنا فيديو قصيرًا يشرح طريقة "
                            "التعبئة خطوة بخطوة، ثم نشرنا بعد شهر أمثلة لطلبات نُفذت فعلًا. "
                            "الأمثلة هي التي أقنعت الناس باستخدام الخدمة."
                        ),
                        "accepted": False,
                    },
                ],
            },
            {
                "title": "رسائل نصية لتذكير المكلفين بمواعيد الدفع: تجربة قيد التنفيذ",
                "category": "tools",
                "author": "nour-hamdan",
                "body": (
                    "بدأنا في قسم الإيرادات إرسال رسائل نصية قصيرة تذكّر المكلفين بمواعيد "
                    "استحقاق الرسوم وبالخصم المتاح عند الدفع المبكر، بعد أن كنا نعتمد على "
                    "إعلانات الصحف ولوحة البلدية.\n\n"
                    "ملاحظات أولية:\n\n"
                    "- أهم خطوة كانت تنقيح أرقام الهواتف، فكثير منها قديم.\n"
                    "- الرسالة المحددة (المبلغ والموعد وطريقة الدفع) أفضل من الرسالة العامة.\n"
                    "- زادت اتصالات الاستفسار، وهذا يتطلب تجهيز الموظفين مسبقًا.\n\n"
                    "سأشارككم النتائج بعد انتهاء موسم التحصيل."
                ),
                "pinned": False,
                "replies": [
                    {
                        "author": "rana-khatib",
                        "body": (
                            "@nour.hamdan تجربة مهمة. أنصح بصياغة الرسائل مع قسم العلاقات "
                            "العامة حتى تكون اللغة ودية وواضحة ولا تبدو كأنها إنذار."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "yasmin-awad",
                        "body": (
                            "هل فكرتم في إضافة رابط للدفع الإلكتروني إن توفر؟ ستكون تجربتكم مثالًا "
                            "جيدًا في لقاء عرض التجارب القادم إذا سمحتِ."
                        ),
                        "accepted": False,
                    },
                    {
                        "author": "basel-hroub",
                        "body": (
                            "من الناحية التقنية: احرصوا على موافقة المواطن على استقبال الرسائل "
                            "وإتاحة خيار لإيقافها، وعلى حماية قاعدة الأرقام من أي وصول غير مصرح "
                            "به."
                        ),
                        "accepted": False,
                    },
                ],
            },
        ],
    },
]
