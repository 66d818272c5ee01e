package org.chartscribe.note.embedded;

/** Encounter transcripts written for these tests (no real patients). */
final class Transcripts {

    private Transcripts() {}

    static final String LOW_BACK_PAIN = """
            Doctor: Good morning, how are you doing today?
            Patient: Hi. Not great, my lower back has been hurting for about 3 weeks.
            Doctor: I'm sorry to hear that. Did anything happen before it started?
            Patient: I was moving boxes at work and felt a pull. Now it aches all day and gets worse when I bend.
            Doctor: Any numbness or tingling down your legs?
            Patient: No.
            Doctor: Have you taken anything for it?
            Patient: I've been taking ibuprofen sometimes, um, it helps a little.
            Doctor: Any allergies to medications?
            Patient: I'm allergic to penicillin.
            Doctor: Okay. So you're 42, and this is the first time this has happened?
            Patient: Yes, I'm 42 and I've never had back problems before.
            Doctor: Let me examine you. There is tenderness over the lumbar paraspinal muscles on both sides.
            Doctor: Straight leg raise is negative and strength is 5/5 in both legs. Reflexes are normal.
            Doctor: I think this is mechanical low back pain, most likely a muscle strain.
            Doctor: I'm going to start you on naproxen 500 mg twice a day with food.
            Doctor: I'm also going to refer you to physical therapy.
            Doctor: Let's follow up in 4 weeks, sooner if the pain gets worse.
            Patient: Can I keep going to the gym?
            Doctor: Light walking is fine, avoid heavy lifting for now.
            Patient: Okay, thank you.
            Doctor: You're welcome, take care.
            """;

    static final String HYPERTENSION_DICTATION = "Patient is a 38-year-old female presenting for follow-up of "
            + "hypertension. She reports compliance with lisinopril 10mg daily. Denies headaches, chest pain, or "
            + "shortness of breath. Blood pressure today is 128/82. Heart rate 72. Lungs clear bilaterally. No "
            + "peripheral edema. Assessment: hypertension, well controlled on current medication. Plan: continue "
            + "lisinopril 10mg daily, recheck blood pressure in 3 months, reinforce low-sodium diet.";

    static final String PHYSICAL_THERAPY = """
            Therapist: How has the right knee been since last session?
            Patient: It's better. The pain is about 3 out of 10 now, but stairs are still hard to climb.
            Therapist: Let's measure it. Knee flexion range of motion is 115 degrees today, extension is full.
            Therapist: Quadriceps strength is 4/5 on the right.
            Therapist: Today we did manual therapy and balance training.
            Therapist: You are making good progress toward your goal of climbing stairs without pain.
            Therapist: For your home exercise program, do the straight leg raises, 3 sets of 10 every day.
            Therapist: Continue twice a week for 4 more weeks.
            """;

    static final String PSYCHIATRY = """
            Psychiatrist: How have you been since we increased the sertraline?
            Patient: My mood is a bit better, but I still can't sleep more than 4 hours.
            Patient: Work has been stressful and I worry all the time.
            Psychiatrist: Any thoughts of harming yourself?
            Patient: No.
            Psychiatrist: Your mood appears mildly anxious, affect is congruent, and thought process is linear.
            Psychiatrist: Today we practiced a breathing exercise and reviewed your sleep routine.
            Patient: The breathing exercise was helpful, I feel calmer.
            Psychiatrist: I think this is generalized anxiety disorder, improving on the current dose.
            Psychiatrist: We'll continue sertraline 100 mg daily and follow up in 4 weeks.
            """;

    static final String DENTIST = """
            Dentist: What brings you in today?
            Patient: I have a sharp pain on the lower left side when I drink something cold.
            Dentist: I see a large cavity on tooth number 19, on the occlusal surface.
            Dentist: The gums are healthy with probing depths of 2 to 3 millimeters.
            Dentist: The bitewing radiograph shows decay close to the nerve on 19.
            Dentist: I think this is deep caries on tooth 19.
            Dentist: We will place a filling next week, and I'd like you to floss every day.
            """;

    static final String VETERINARY = """
            Vet: What's going on with Max today?
            Owner: He has been vomiting since yesterday and won't eat his food.
            Owner: He got into the trash on Sunday.
            Vet: Temperature is 102.5 and heart rate is 110.
            Vet: His abdomen is tender on palpation but there are no masses.
            Vet: This is most likely dietary indiscretion, consistent with gastroenteritis.
            Vet: We'll give fluids under the skin today and start a bland diet for 3 days.
            Vet: Recheck in 2 days if the vomiting continues.
            """;
}
